package io.apitune.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.IntervalLog;
import io.apitune.metrics.Percentile;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.TheoryInfo;
import io.apitune.report.model.TimelinePoint;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The charts of one run or of several runs overlaid on the same axes: percentile spectrum,
 * latency over time, throughput over time and errors over time. Latency is shown in milliseconds.
 *
 * <p>Stateless; thread-safe.
 */
final class RunCharts {
    static final String[] PALETTE = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2",
        "#ca8a04", "#db2777"};
    /** x = log10(1 / (1 - p)): 0 is 0 %, 5 is 99.999 %. */
    private static final double SPECTRUM_MAX_X = 5;

    private RunCharts() {
    }

    static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    /**
     * Percentile spectrum, HdrHistogram style: OK latency solid, OK service time dashed, and failed
     * requests (KO, from the intended send to the failure) dotted, as a series of their own.
     */
    static String spectrum(List<RunData> runs) {
        SvgChart chart = new SvgChart("spectrum", "percentile (x = log10 of 1 / (1 − p))", "latency (ms)").xTicks(List.of(
                new SvgChart.Tick(0, "0%"), new SvgChart.Tick(1, "90%"), new SvgChart.Tick(2, "99%"),
                new SvgChart.Tick(3, "99.9%"), new SvgChart.Tick(4, "99.99%"), new SvgChart.Tick(5, "99.999%")));
        for (int i = 0; i < runs.size(); i++) {
            RunData run = runs.get(i);
            String prefix = runs.size() > 1 ? run.name() + " " : "";
            String ok = run.version1() ? "" : " OK";
            chart.add(spectrumSeries(prefix + "latency" + ok, color(i), false, run.latency(),
                    run.results().latency()));
            chart.add(spectrumSeries(prefix + "service time" + ok, color(i), true, run.service(),
                    run.results().serviceTime()));
            SvgChart.Series failures = spectrumSeries(prefix + "failures KO", color(i), false,
                    run.failure(), run.results().failureLatency());
            if (failures.xs().length > 0) {
                chart.add(new SvgChart.Series(failures.label(), failures.color(), false,
                        failures.xs(), failures.ys(), true));
            }
        }
        return chart.render();
    }

    private static SvgChart.Series spectrumSeries(String label, String color, boolean dashed,
                                                  Histogram histogram, LatencySummary summary) {
        List<double[]> points = histogram != null && histogram.getTotalCount() > 0
                ? spectrumPoints(histogram)
                : summary == null || summary.count() == 0 ? List.of() : summaryPoints(summary);
        return series(label, color, dashed, points);
    }

    private static List<double[]> spectrumPoints(Histogram h) {
        List<double[]> points = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            double x = p >= 1 ? SPECTRUM_MAX_X : Math.min(SPECTRUM_MAX_X, Math.log10(1 / (1 - p)));
            points.add(new double[] {x, h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6});
            if (x >= SPECTRUM_MAX_X) {
                break;
            }
        }
        return points;
    }

    /** Without an hlog: the percentiles stored in report.json, max drawn at 99.999 %. */
    private static List<double[]> summaryPoints(LatencySummary summary) {
        List<double[]> points = new ArrayList<>();
        if (summary == null) {
            return points;
        }
        points.add(new double[] {0, summary.minMs()});
        for (Percentile p : Percentile.values()) {
            points.add(new double[] {Math.log10(1 / (1 - p.level() / 100.0)), summary.percentileMs(p)});
        }
        points.add(new double[] {SPECTRUM_MAX_X, summary.maxMs()});
        return points;
    }

    /** p50 / p99 / max per interval from the hlog; overlays show p50 dashed and p99 solid per run. */
    static String latencyOverTime(List<RunData> runs) {
        SvgChart chart = new SvgChart("latency-over-time", "time (s)", "latency (ms)");
        for (int i = 0; i < runs.size(); i++) {
            RunData run = runs.get(i);
            if (run.hlog() == null) {
                continue;
            }
            TreeMap<Long, HlogFile.IntervalStats> intervals = run.hlog().stats(IntervalLog.TAG_LATENCY);
            if (runs.size() == 1) {
                chart.add(overTime("max", "#94a3b8", false, intervals, HlogFile.IntervalStats::max));
                chart.add(overTime("p99", "#dc2626", false, intervals, HlogFile.IntervalStats::p99));
                chart.add(overTime("p50", "#2563eb", false, intervals, HlogFile.IntervalStats::p50));
            } else {
                chart.add(overTime(run.name() + " p99", color(i), false, intervals, HlogFile.IntervalStats::p99));
                chart.add(overTime(run.name() + " p50", color(i), true, intervals, HlogFile.IntervalStats::p50));
            }
        }
        return chart.render();
    }

    private static SvgChart.Series overTime(String label, String color, boolean dashed,
                                            TreeMap<Long, HlogFile.IntervalStats> intervals,
                                            ToLongFunction<HlogFile.IntervalStats> nanos) {
        List<double[]> points = new ArrayList<>();
        for (Map.Entry<Long, HlogFile.IntervalStats> e : intervals.entrySet()) {
            if (e.getValue().count() > 0) {
                points.add(new double[] {e.getKey() + 1, nanos.applyAsLong(e.getValue()) / 1e6});
            }
        }
        return series(label, color, dashed, points);
    }

    /**
     * Goodput (OK answers per second, solid) and, where requests failed, the request rate (every
     * completed attempt, dashed) of each interval from report.json's timeline, else the hlog's OK
     * counts; the theory bound of each run that has one as a dotted line. The drain at the end of a
     * run is left out ({@link TimelineInterval#steady}).
     */
    static String throughputOverTime(List<RunData> runs) {
        SvgChart chart = new SvgChart("throughput-over-time", "time (s)", "per second");
        for (int i = 0; i < runs.size(); i++) {
            RunData run = runs.get(i);
            String prefix = runs.size() > 1 ? run.name() + " " : "";
            List<TimelineInterval> timeline = TimelineInterval.steady(run.results(), run.plannedSeconds());
            if (!timeline.isEmpty()) {
                chart.add(series(prefix + (run.version1() ? "throughput (v1: every answer)" : "goodput"),
                        color(i), false, rates(timeline, TimelinePoint::ok)));
                if (!run.version1() && run.results().errors().total() > 0) {
                    chart.add(series(prefix + "request rate", color(i), true,
                            rates(timeline, p -> p.requests())));
                }
            } else if (run.hlog() != null) {
                List<double[]> points = new ArrayList<>();
                run.hlog().stats(IntervalLog.TAG_LATENCY).forEach((k, s) ->
                        points.add(new double[] {k + 1, s.count() * 1000.0 / HlogFile.INTERVAL_MS}));
                chart.add(series(prefix + "goodput", color(i), false, points));
            }
            TheoryInfo theory = run.doc().theory();
            if (theory != null && theory.bounded()) {
                chart.refLine(new SvgChart.RefLine(theory.boundPerSecond(), prefix + "bound "
                        + Html.num(theory.boundPerSecond()) + "/s (" + theory.explanation() + ")", color(i)));
            }
        }
        return chart.render();
    }

    /** Each interval's count per second; a version-1 entry (no OK count) counts every request. */
    private static List<double[]> rates(List<TimelineInterval> timeline, Function<TimelinePoint, Long> count) {
        List<double[]> points = new ArrayList<>();
        for (TimelineInterval interval : timeline) {
            Long n = count.apply(interval.entry());
            points.add(new double[] {interval.endSeconds(),
                interval.perSecond(n != null ? n : interval.entry().requests())});
        }
        return points;
    }

    /** Errors per interval from the timeline: by kind for one run, the total per run for overlays. */
    static String errorsOverTime(List<RunData> runs) {
        SvgChart chart = new SvgChart("errors-over-time", "time (s)", "errors / s");
        for (int i = 0; i < runs.size(); i++) {
            List<TimelineInterval> timeline = TimelineInterval.steady(runs.get(i).results(),
                    runs.get(i).plannedSeconds());
            if (runs.size() > 1) {
                chart.add(series(runs.get(i).name() + " errors", color(i), false, errorPoints(timeline, null)));
                continue;
            }
            for (ErrorKind kind : ErrorKind.values()) {
                chart.add(series(kind.key(), color(kind.ordinal() + 1), false, errorPoints(timeline, kind)));
            }
        }
        return chart.render();
    }

    /** @param kind one kind, or null for all */
    private static List<double[]> errorPoints(List<TimelineInterval> timeline, ErrorKind kind) {
        List<double[]> points = new ArrayList<>();
        for (TimelineInterval interval : timeline) {
            ErrorTally errors = interval.entry().errors();
            double value = kind == null ? errors.total() : errors.get(kind);
            points.add(new double[] {interval.endSeconds(), interval.perSecond(value)});
        }
        return points;
    }

    static SvgChart.Series series(String label, String color, boolean dashed, List<double[]> points) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        return new SvgChart.Series(label, color, dashed, xs, ys);
    }
}
