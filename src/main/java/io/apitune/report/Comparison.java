package io.apitune.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Percentile deltas between two runs (B relative to A), absolute in milliseconds and in percent.
 *
 * <p>Stateless; thread-safe.
 */
public final class Comparison {
    private static final String[] KEYS = {"p50", "p75", "p90", "p99", "p99.9", "p99.99", "max", "mean"};

    /** One percentile: A's and B's values in ms, B − A, and (B − A) / A in percent (NaN when A is 0). */
    public record Delta(String key, double a, double b, double deltaMs, double deltaPercent) {
    }

    private Comparison() {
    }

    /** Deltas of the {@code results.latency} summaries of two report.json documents. */
    public static List<Delta> latencyDeltas(JsonNode a, JsonNode b) {
        JsonNode la = a.path("results").path("latency");
        JsonNode lb = b.path("results").path("latency");
        List<Delta> out = new ArrayList<>();
        for (String key : KEYS) {
            if (la.path(key).isNumber() && lb.path(key).isNumber()) {
                double va = la.path(key).asDouble();
                double vb = lb.path(key).asDouble();
                double pct = va == 0 ? Double.NaN : (vb - va) / va * 100;
                out.add(new Delta(key, va, vb, vb - va, pct));
            }
        }
        return out;
    }

    /** A plain-text table for the terminal (Locale.ROOT). */
    public static String textTable(String nameA, String nameB, List<Delta> deltas) {
        int w = Math.max(12, Math.max(nameA.length(), nameB.length()) + 2);
        String row = "%-8s %" + w + "s %" + w + "s %12s %9s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "ms", nameA, nameB, "Δ ms", "Δ %"));
        for (Delta d : deltas) {
            out.append(String.format(Locale.ROOT, row, d.key(), Html.num(d.a()), Html.num(d.b()),
                    signed(d.deltaMs()), percent(d.deltaPercent())));
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
