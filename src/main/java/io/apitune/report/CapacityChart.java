package io.apitune.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.apitune.Durations;
import io.apitune.report.model.CapacityStep;
import io.apitune.report.model.CombinedReport;

/**
 * The capacity curve: offered rate against p50 and p99 for each step, with the SLO line.
 *
 * <p>Stateless; thread-safe.
 */
final class CapacityChart {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s)\\b");

    private CapacityChart() {
    }

    /** Steps sorted by rate (the search visits them out of order). */
    static String render(CombinedReport doc) {
        List<double[]> p50 = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<CapacityStep> byRate = new ArrayList<>(doc.steps());
        byRate.sort(Comparator.comparingDouble(CapacityStep::rate));
        for (CapacityStep step : byRate) {
            p50.add(new double[] {step.rate(), orNaN(step.p50())});
            p99.add(new double[] {step.rate(), orNaN(step.p99())});
        }
        SvgChart chart = new SvgChart("capacity", "offered rate (requests / s)", "latency (ms)").markers();
        chart.add(RunCharts.series("p99", "#dc2626", false, p99));
        chart.add(RunCharts.series("p50", "#2563eb", false, p50));
        double slo = sloMillis(doc.slo());
        if (Double.isFinite(slo)) {
            chart.refLine(new SvgChart.RefLine(slo, "SLO " + doc.slo(), "#16a34a"));
        }
        return chart.render();
    }

    /** The first duration in the SLO text ({@code "p99 < 25ms, ..."}) in ms, NaN when none. */
    static double sloMillis(String slo) {
        if (slo == null) {
            return Double.NaN;
        }
        Matcher m = DURATION.matcher(slo);
        return m.find() ? Durations.parse(m.group()).toNanos() / 1e6 : Double.NaN;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
