package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.ApituneException;
import io.apitune.Version;

/**
 * Writes {@code report.html} next to a {@code report.json}: a single self-contained page with
 * inline SVG charts (no script, no network). A run ({@code kind} = run) is drawn from its
 * {@code latency.hlog}; a combined document (scenario / compare / capacity) overlays its runs on
 * the same axes, each run's hlog found as described in docs/report-schema.md.
 *
 * <p>Stateless; thread-safe: concurrent calls for different directories are independent.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * Reads {@code dir/report.json} (and the hlogs it refers to) and writes {@code dir/report.html}
     * atomically.
     *
     * @return the written file
     * @throws ApituneException exit 2 when the directory holds no valid report; exit 3 when the
     *                          page cannot be written
     */
    public static Path write(Path dir) {
        JsonNode doc = ReportFiles.readReport(dir.resolve(ReportFiles.REPORT_JSON));
        String kind = doc.path("kind").asText("run");
        String html = switch (kind) {
            case "run" -> runPage(RunData.of(doc, dir));
            case "scenario", "compare", "capacity" -> combinedPage(doc, runs(doc, dir));
            default -> throw ApituneException.invalidInput(dir.resolve(ReportFiles.REPORT_JSON)
                    + ": unknown kind '" + kind + "' (expected run, scenario, compare or capacity)");
        };
        // only a file name: a report.json must not make us write outside its directory
        Path target = dir.resolve(Path.of(doc.path("files").path("html").asText(ReportFiles.REPORT_HTML))
                .getFileName().toString());
        ReportFiles.writeAtomically(target, html);
        return target;
    }

    /** The runs of a combined document with their hlogs, located per docs/report-schema.md. */
    static List<RunData> runs(JsonNode doc, Path dir) {
        List<RunData> runs = new ArrayList<>();
        boolean capacity = "capacity".equals(doc.path("kind").asText());
        for (JsonNode run : doc.path("runs")) {
            RunData data = RunData.of(run, runDir(run, dir));
            JsonNode rate = run.path("config").path("rate");
            runs.add(capacity && rate.isNumber() ? data.withName(data.name() + " @ " + Html.num(rate.asDouble()) + "/s")
                    : data);
        }
        return runs;
    }

    /** {@code dir} (relative to the combined report), else a subdirectory or sibling named by runId or name. */
    private static Path runDir(JsonNode run, Path combinedDir) {
        List<Path> candidates = new ArrayList<>();
        if (run.path("dir").isTextual()) {
            candidates.add(combinedDir.resolve(run.path("dir").asText()));
        }
        for (String field : new String[] {"runId", "name"}) {
            String value = run.path(field).asText("");
            if (!value.isEmpty() && !value.contains("/") && !value.contains("\\") && !value.startsWith(".")) {
                candidates.add(combinedDir.resolve(value));
                candidates.add(combinedDir.resolveSibling(value));
            }
        }
        String hlog = run.path("files").path("hlog").asText(ReportFiles.LATENCY_HLOG);
        return candidates.stream().filter(c -> Files.isRegularFile(c.resolve(hlog))).findFirst().orElse(null);
    }

    private static String runPage(RunData run) {
        JsonNode doc = run.doc();
        JsonNode r = run.results();
        HtmlPage page = new HtmlPage("apitune · " + run.name());
        page.header("run", run.name(), meta(doc), doc.path("interrupted").asBoolean(false));
        page.cards(Html.num(r.path("throughput").asDouble()) + "/s", "throughput"
                + (r.path("targetRate").isNumber() ? " (target " + Html.num(r.path("targetRate").asDouble()) + "/s)" : ""),
                Long.toString(r.path("requests").asLong()), "requests",
                Html.fmt("%.2f%%", r.path("errorRate").asDouble() * 100), "errors",
                ms(r.path("latency").path("p50")), "p50 latency",
                ms(r.path("latency").path("p99")), "p99 latency",
                ms(r.path("latency").path("p99.9")), "p99.9 latency",
                ms(r.path("latency").path("max")), "max latency");
        List<RunData> one = List.of(run);
        charts(page, one, run.hlog() == null);
        page.section("Percentiles", Tables.percentiles(one), null);
        page.section("Configuration", Tables.keyValues(one, "target", "config"), null);
        page.section("Environment", Tables.keyValues(one, "environment"), null);
        return page.render(footer());
    }

    private static String combinedPage(JsonNode doc, List<RunData> runs) {
        String kind = doc.path("kind").asText();
        String name = doc.path("name").asText(doc.path("runId").asText(kind));
        HtmlPage page = new HtmlPage("apitune · " + kind + " · " + name);
        page.header(kind, name, meta(doc), doc.path("interrupted").asBoolean(false));
        answerCard(page, doc);
        if (doc.path("gates").isArray() && !doc.path("gates").isEmpty()) {
            page.section("Gates", Tables.rows(doc.path("gates")), null);
        }
        if (runs.size() == 2) {
            page.section("Latency deltas (" + runs.get(1).name() + " vs " + runs.get(0).name() + ")",
                    Tables.deltas(runs.get(0).name(), runs.get(1).name(),
                            Comparison.latencyDeltas(runs.get(0).doc(), runs.get(1).doc())), null);
        }
        if (doc.path("steps").isArray() && !doc.path("steps").isEmpty()) {
            page.section("Capacity curve", CapacityChart.render(doc), null);
            page.section("Capacity steps", Tables.rows(doc.path("steps")), null);
        }
        if (doc.path("modes").isArray() && !doc.path("modes").isEmpty()) {
            page.section("Modes", Tables.rows(doc.path("modes")), null);
        }
        if (!runs.isEmpty()) {
            charts(page, runs, runs.stream().anyMatch(r -> r.hlog() == null));
            page.section("Percentiles", Tables.percentiles(runs), null);
            page.section("Configuration", Tables.keyValues(runs, "target", "config"), null);
        }
        RunData envSource = doc.path("environment").isObject() ? RunData.of(doc, null)
                : runs.isEmpty() ? null : runs.get(0);
        if (envSource != null) {
            page.section("Environment", Tables.keyValues(List.of(envSource), "environment"), null);
        }
        return page.render(footer());
    }

    /** Capacity: the answer as a card ("none" when no rate met the SLO). */
    private static void answerCard(HtmlPage page, JsonNode doc) {
        JsonNode answer = doc.path("answer");
        if (!answer.isObject()) {
            return;
        }
        JsonNode rate = answer.path("rate");
        boolean unconverged = answer.path("converged").isBoolean() && !answer.path("converged").asBoolean();
        page.cards(rate.isNumber() ? Html.num(rate.asDouble()) + "/s" : "none",
                "highest rate meeting the SLO" + (unconverged ? " (search did not converge)" : ""));
    }

    private static void charts(HtmlPage page, List<RunData> runs, boolean missingHlog) {
        String note = missingHlog ? "Some runs have no latency.hlog: their spectrum is drawn from the "
                + "percentiles in report.json and their latency over time is missing." : null;
        page.section("Percentile spectrum", RunCharts.spectrum(runs),
                note != null ? note : "Solid: latency from the intended send time (coordinated-omission free). "
                        + "Dashed: service time from the actual send.");
        page.section("Latency over time", RunCharts.latencyOverTime(runs), "Per 1 s interval, from latency.hlog.");
        page.section("Throughput over time", RunCharts.throughputOverTime(runs), null);
        page.section("Errors over time", RunCharts.errorsOverTime(runs), null);
    }

    private static String meta(JsonNode doc) {
        List<String> parts = new ArrayList<>();
        if (doc.path("runId").isTextual()) {
            parts.add(doc.path("runId").asText());
        }
        if (doc.path("target").path("url").isTextual()) {
            parts.add(doc.path("target").path("url").asText());
        }
        if (doc.path("startTime").isTextual()) {
            parts.add(doc.path("startTime").asText() + " → " + doc.path("endTime").asText("?"));
        }
        JsonNode seconds = doc.path("results").path("durationSeconds");
        if (seconds.isNumber()) {
            parts.add(Html.num(seconds.asDouble()) + " s measured");
        }
        return String.join(" · ", parts);
    }

    private static String ms(JsonNode value) {
        return value.isNumber() ? Html.num(value.asDouble()) + " ms" : "–";
    }

    private static String footer() {
        return "Generated by apitune " + Version.get() + ". Latency in milliseconds; histograms record "
                + "nanoseconds (HdrHistogram).";
    }
}
