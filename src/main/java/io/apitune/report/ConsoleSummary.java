package io.apitune.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import io.apitune.load.ErrorCounts;
import io.apitune.load.ErrorKind;
import io.apitune.load.LoadResult;
import io.apitune.metrics.LatencyStats;
import org.HdrHistogram.Histogram;

/**
 * The console summary of a run: rates, requests, errors by class, and a percentile table for
 * latency (from intended send) and service time (from actual send), in milliseconds.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /**
     * @param targetRate the open model's rate, or null for the closed model
     * @param dir        the report directory, or null when none was written
     */
    public static void print(PrintWriter out, String name, String url, Double targetRate,
            LoadResult result, String dir) {
        out.printf(Locale.ROOT, "%s  %s%s%n", name, url, result.interrupted() ? "  (interrupted)" : "");
        String target = targetRate == null ? "closed model" : String.format(Locale.ROOT,
                "target %.1f/s", targetRate);
        out.printf(Locale.ROOT, "  %s, achieved %.1f/s, %d requests in %.3f s%n", target,
                result.requestRatePerSecond(), result.attempts(), result.durationNanos() / 1e9);
        out.println("  " + errorLine(result.errors(), result.attempts()));
        out.println();
        out.printf(Locale.ROOT, "  %-13s%10s%10s%10s%10s%10s%10s%10s%10s%n", "ms", "p50", "p75",
                "p90", "p99", "p99.9", "p99.99", "max", "mean");
        row(out, "latency", result.okLatency());
        row(out, "service time", result.okService());
        if (dir != null) {
            out.println();
            out.println("  report: " + dir);
        }
        out.flush();
    }

    static String errorLine(ErrorCounts errors, long requests) {
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "errors %d (%.2f%%)", errors.total(),
                requests == 0 ? 0.0 : 100.0 * errors.total() / requests));
        String sep = ": ";
        for (ErrorKind kind : ErrorKind.values()) {
            line.append(sep).append(kind.key()).append(' ').append(errors.get(kind));
            sep = ", ";
        }
        return line.toString();
    }

    private static void row(PrintWriter out, String label, Histogram histogram) {
        LatencyStats stats = LatencyStats.of(histogram);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-13s", label));
        for (Map.Entry<String, Long> p : stats.percentilesNanos().entrySet()) {
            line.append(String.format(Locale.ROOT, "%10.3f", p.getValue() / 1e6));
        }
        line.append(String.format(Locale.ROOT, "%10.3f%10.3f", stats.maxNanos() / 1e6,
                stats.meanNanos() / 1e6));
        out.println(line);
    }
}
