package io.apitune.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.apitune.metrics.Percentile;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.RunReport;

/**
 * Percentile deltas between two runs (B relative to A), absolute in milliseconds and in percent.
 *
 * <p>Stateless; thread-safe.
 */
public final class Comparison {
    /** One statistic: A's and B's values in ms, B − A, and (B − A) / A in percent (NaN when A is 0). */
    public record Delta(String key, double a, double b, double deltaMs, double deltaPercent) {
    }

    private Comparison() {
    }

    /**
     * {@link #latencyDeltas} and, for every request of a mix both runs have, its p50, p99 and max
     * ({@code search.p99}).
     */
    public static List<Delta> deltas(RunReport a, RunReport b) {
        List<Delta> out = latencyDeltas(a, b);
        if (a.results().byRequest() == null || b.results().byRequest() == null) {
            return out;
        }
        for (String request : a.results().byRequest().keySet()) {
            b.results().request(request).ifPresent(rb -> out.addAll(deltas(request + ".",
                    a.results().byRequest().get(request).latency(), rb.latency(), List.of("p50", "p99", "max"))));
        }
        return out;
    }

    /** Deltas of every percentile, max and mean of the two runs' latency. */
    public static List<Delta> latencyDeltas(RunReport a, RunReport b) {
        List<String> keys = new ArrayList<>(Percentile.keys());
        keys.addAll(List.of("max", "mean"));
        return deltas("", a.results().latency(), b.results().latency(), keys);
    }

    private static List<Delta> deltas(String prefix, LatencySummary la, LatencySummary lb, List<String> keys) {
        List<Delta> out = new ArrayList<>();
        if (la == null || lb == null) {
            return out;
        }
        for (String key : keys) {
            Optional<Double> va = la.get(key);
            Optional<Double> vb = lb.get(key);
            if (va.isPresent() && vb.isPresent()) {
                double pct = va.get() == 0 ? Double.NaN : (vb.get() - va.get()) / va.get() * 100;
                out.add(new Delta(prefix + key, va.get(), vb.get(), vb.get() - va.get(), pct));
            }
        }
        return out;
    }

    /** A plain-text table for the terminal (Locale.ROOT). */
    public static String textTable(String nameA, String nameB, List<Delta> deltas) {
        int w = Math.max(12, Math.max(nameA.length(), nameB.length()) + 2);
        int k = Math.max(8, deltas.stream().mapToInt(d -> d.key().length()).max().orElse(8));
        String row = "%-" + k + "s %" + w + "s %" + w + "s %12s %9s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "ms", nameA, nameB, "Δ ms", "Δ %"));
        for (Delta d : deltas) {
            out.append(String.format(Locale.ROOT, row, d.key(), Html.num(d.a()), Html.num(d.b()),
                    signed(d.deltaMs()), percent(d.deltaPercent())));
        }
        return out.toString();
    }

    /**
     * The ratios of B against A with their medians and 95 % intervals, as a text table (when both
     * runs were measured in rounds); empty text when there are none.
     */
    public static String ratioTable(List<RatioRow> ratios) {
        if (ratios.isEmpty()) {
            return "";
        }
        String row = "%-12s %9s  %-22s %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n" + row, "B / A", "median",
                "95% interval", "rounds"));
        for (RatioRow r : ratios) {
            out.append(String.format(Locale.ROOT, row, r.metric(),
                    String.format(Locale.ROOT, "%.3f", r.interval().median()),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", r.interval().low(), r.interval().high()),
                    r.interval().rounds() + " (independent)"));
        }
        return out.toString();
    }

    static String signed(double value) {
        return (value > 0 ? "+" : "") + Html.num(value);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%+.1f%%", value);
    }
}
