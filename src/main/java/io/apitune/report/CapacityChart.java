package io.apitune.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.Durations;

/**
 * The capacity curve: offered rate against p50 and p99 for each step, with the SLO line.
 *
 * <p>Stateless; thread-safe.
 */
final class CapacityChart {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)\\b");
    private static final String[] SLO_NUMBER_FIELDS = {"limitMs", "limit", "ms", "p99", "value"};

    private CapacityChart() {
    }

    /** Steps sorted by rate (the search visits them out of order). */
    static String render(JsonNode doc) {
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<JsonNode> byRate = new ArrayList<>();
        doc.path("steps").forEach(byRate::add);
        byRate.sort(Comparator.comparingDouble(step -> step.path("rate").asDouble()));
        for (JsonNode step : byRate) {
            double rate = step.path("rate").asDouble(Double.NaN);
            p50.add(new double[] {rate, step.path("p50").asDouble(Double.NaN)});
            p99.add(new double[] {rate, step.path("p99").asDouble(Double.NaN)});
        }
        SvgChart chart = new SvgChart("capacity", "offered rate (requests / s)", "latency (ms)").markers();
        chart.add(RunCharts.series("p99", "#dc2626", false, p99));
        chart.add(RunCharts.series("p50", "#2563eb", false, p50));
        double slo = sloMillis(doc.path("slo"));
        if (Double.isFinite(slo)) {
            chart.refLine(new SvgChart.RefLine(slo, "SLO " + sloLabel(doc.path("slo"), slo), "#16a34a"));
        }
        return chart.render();
    }

    /**
     * The SLO limit in ms: a number (ms), a string holding a duration ({@code "p99 < 25ms"}), or an
     * object with a numeric {@code limitMs}/{@code limit}/{@code ms}/{@code p99}/{@code value} field
     * (ms) or a string {@code expression}. NaN when none applies.
     */
    static double sloMillis(JsonNode slo) {
        if (slo.isNumber()) {
            return slo.asDouble();
        }
        if (slo.isTextual()) {
            Matcher m = DURATION.matcher(slo.asText());
            return m.find() ? Durations.parse(m.group()).toNanos() / 1e6 : Double.NaN;
        }
        if (slo.isObject()) {
            for (String field : SLO_NUMBER_FIELDS) {
                if (slo.path(field).isNumber()) {
                    return slo.path(field).asDouble();
                }
            }
            return sloMillis(slo.path("expression"));
        }
        return Double.NaN;
    }

    private static String sloLabel(JsonNode slo, double millis) {
        if (slo.isTextual()) {
            return slo.asText();
        }
        if (slo.path("expression").isTextual()) {
            return slo.path("expression").asText();
        }
        return Html.num(millis) + " ms";
    }
}
