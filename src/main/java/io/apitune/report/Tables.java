package io.apitune.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.metrics.Percentile;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RoundResult;
import io.apitune.report.model.RunReport;

/**
 * HTML tables: percentiles, configuration and environment (flattened JSON, one column per run),
 * and generic row tables (gates, modes, capacity steps). Every cell is escaped.
 *
 * <p>Stateless; thread-safe.
 */
final class Tables {
    /** The rows of a percentile table. */
    private static final List<String> SUMMARY_KEYS = summaryKeys();


    private Tables() {
    }

    /** One run: latency and service time side by side; several: latency per run. */
    static String percentiles(List<RunData> runs) {
        List<String> heads = new ArrayList<>();
        List<LatencySummary> columns = new ArrayList<>();
        if (runs.size() == 1) {
            heads.add("latency (ms)");
            heads.add("service time (ms)");
            columns.add(runs.get(0).results().latency());
            columns.add(runs.get(0).results().serviceTime());
        } else {
            for (RunData run : runs) {
                heads.add(run.name() + " latency (ms)");
                columns.add(run.results().latency());
            }
        }
        StringBuilder html = new StringBuilder("<table class=\"num\"><thead><tr><th></th>");
        heads.forEach(h -> html.append("<th>").append(Html.esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (String key : SUMMARY_KEYS) {
            html.append("<tr><th>").append(Html.esc(key)).append("</th>");
            for (LatencySummary column : columns) {
                Optional<Double> value = column == null ? Optional.empty() : column.get(key);
                html.append("<td>").append(value.map(v -> key.equals("count") ? Long.toString(v.longValue())
                        : Html.num(v)).orElse(Html.MISSING)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** The named sub-objects of each run flattened to dotted keys, one column per run. */
    static String keyValues(List<RunData> runs, String... sections) {
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (RunData run : runs) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            JsonNode doc = Reports.MAPPER.valueToTree(run.doc());
            for (String section : sections) {
                flatten(section, doc.path(section), values);
            }
            flat.add(values);
            keys.addAll(values.keySet());
        }
        StringBuilder html = new StringBuilder("<table class=\"kv\">");
        if (runs.size() > 1) {
            html.append("<thead><tr><th></th>");
            runs.forEach(r -> html.append("<th>").append(Html.esc(r.name())).append("</th>"));
            html.append("</tr></thead>");
        }
        html.append("<tbody>");
        for (String key : keys) {
            html.append("<tr><th>").append(Html.esc(key)).append("</th>");
            for (Map<String, JsonNode> values : flat) {
                html.append("<td>").append(cell(values.get(key))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (!node.isMissingNode()) {
            out.put(prefix, node);
        }
    }

    /** Rows of objects; the columns are the union of their keys. */
    private static String rowsOf(JsonNode array) {
        Set<String> keys = new LinkedHashSet<>();
        array.forEach(row -> row.fieldNames().forEachRemaining(keys::add));
        StringBuilder html = new StringBuilder("<table class=\"rows\"><thead><tr>");
        keys.forEach(k -> html.append("<th>").append(Html.esc(k)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (JsonNode row : array) {
            html.append(row.path("passed").isBoolean() && !row.path("passed").asBoolean()
                    ? "<tr class=\"failed\">" : "<tr>");
            for (String key : keys) {
                html.append("<td>").append(cell(row.get(key))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** An interval object (docs/report-schema.md) as {@code ratio 1.02 [0.98, 1.07] vs 1.05, 6 rounds}. */
    private static String interval(JsonNode i) {
        String threshold = i.path("threshold").isNumber() ? " vs " + Html.num(i.path("threshold").asDouble()) : "";
        return i.path("statistic").asText("") + " " + Html.num(i.path("median").asDouble()) + " ["
                + Html.num(i.path("low").asDouble()) + ", " + Html.num(i.path("high").asDouble()) + "]"
                + threshold + ", " + i.path("rounds").asInt() + " rounds"
                + (i.path("paired").asBoolean() ? " paired" : "");
    }

    /** One row per round of a run measured in rounds: throughput, latency percentiles, errors. */
    static String rounds(RunReport run) {
        StringBuilder html = new StringBuilder("<table class=\"num\"><thead><tr><th>round</th>"
                + "<th>start</th><th>warm-up s</th><th>throughput /s</th><th>p50 ms</th><th>p99 ms</th>"
                + "<th>p99.9 ms</th><th>max ms</th><th>errors</th></tr></thead><tbody>");
        for (RoundResult r : run.rounds()) {
            LatencySummary l = r.results().latency();
            html.append("<tr><th>").append(r.round()).append("</th><td>").append(Html.esc(String.valueOf(r.startTime())))
                    .append("</td><td>").append(Html.num(r.warmupSeconds())).append("</td><td>")
                    .append(Html.num(r.results().throughput())).append("</td>");
            for (String key : List.of("p50", "p99", "p99.9", "max")) {
                html.append("<td>").append(l == null ? Html.MISSING : l.get(key).map(Html::num)
                        .orElse(Html.MISSING)).append("</td>");
            }
            html.append("<td>").append(Html.fmt("%.2f%%", r.results().errorRate() * 100)).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** A table of {@link Comparison.Delta} rows. */
    static String deltas(String nameA, String nameB, List<Comparison.Delta> deltas) {
        StringBuilder html = new StringBuilder("<table class=\"num\"><thead><tr><th>latency (ms)</th><th>")
                .append(Html.esc(nameA)).append("</th><th>").append(Html.esc(nameB))
                .append("</th><th>Δ ms</th><th>Δ %</th></tr></thead><tbody>");
        for (Comparison.Delta d : deltas) {
            String cls = d.deltaMs() > 0 ? "worse" : d.deltaMs() < 0 ? "better" : "";
            html.append("<tr><th>").append(Html.esc(d.key())).append("</th><td>").append(Html.num(d.a()))
                    .append("</td><td>").append(Html.num(d.b())).append("</td><td class=\"").append(cls)
                    .append("\">").append(Comparison.signed(d.deltaMs())).append("</td><td class=\"")
                    .append(cls).append("\">").append(Comparison.percent(d.deltaPercent())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** Rows of records (gates, modes, steps), through their JSON form. */
    static String rows(List<?> records) {
        return rowsOf(Reports.MAPPER.valueToTree(records));
    }

    private static List<String> summaryKeys() {
        List<String> keys = new ArrayList<>(List.of("count", "min", "mean"));
        keys.addAll(Percentile.keys());
        keys.addAll(List.of("max", "stddev"));
        return List.copyOf(keys);
    }

    static String cell(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Html.MISSING;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "<span class=\"pass\">✓ yes</span>" : "<span class=\"fail\">✗ no</span>";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? Long.toString(value.asLong()) : Html.num(value.asDouble());
        }
        if (value.isObject() && value.has("median") && value.has("low") && value.has("high")) {
            return Html.esc(interval(value));
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.isValueNode() ? v.asText() : v.toString()));
            return Html.esc(String.join(", ", parts));
        }
        return Html.esc(value.isValueNode() ? value.asText() : value.toString());
    }
}
