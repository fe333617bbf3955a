package io.apitune.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RequestResults;
import io.apitune.report.model.Results;

/**
 * One row per request of a run's mix ({@code results.byRequest}): its share of the attempts,
 * goodput, KO share with the failed checks, and OK latency percentiles, for the console, the HTML
 * page and {@code compare}. A run without a mix has no rows.
 *
 * <p>Stateless; thread-safe.
 */
public final class RequestRows {
    private RequestRows() {
    }

    /**
     * One request's row (an HTML table row, serialised by its component names).
     *
     * @param share  the request's share of the run's attempts, percent
     * @param checks failed checks as {@code name: count}, empty when none failed
     */
    public record Row(String run, String request, long requests, double share, double goodput,
            double errorsPercent, String checks, Double p50Ms, Double p90Ms, Double p99Ms, Double maxMs) {
    }

    /** The rows of {@code r}'s requests, labelled with {@code run}; empty without a mix. */
    public static List<Row> of(String run, Results r) {
        List<Row> rows = new ArrayList<>();
        if (r == null || r.byRequest() == null) {
            return rows;
        }
        for (Map.Entry<String, RequestResults> e : r.byRequest().entrySet()) {
            RequestResults q = e.getValue();
            LatencySummary l = q.latency();
            List<String> failed = new ArrayList<>();
            if (q.checks() != null) {
                q.checks().forEach((name, count) -> failed.add(name + ": " + count));
            }
            rows.add(new Row(run, e.getKey(), q.requests(),
                    r.requests() == 0 ? 0.0 : 100.0 * q.requests() / r.requests(), q.throughput(),
                    100.0 * q.errorRate(), String.join(", ", failed), ms(l, "p50"), ms(l, "p90"),
                    ms(l, "p99"), ms(l, "max")));
        }
        return rows;
    }

    private static Double ms(LatencySummary s, String key) {
        return s == null ? null : s.get(key).orElse(null);
    }

    /** The console table of {@code r}'s requests; prints nothing without a mix. */
    public static void print(PrintWriter out, String run, Results r) {
        List<Row> rows = of(run, r);
        if (rows.isEmpty()) {
            return;
        }
        int width = Math.max(8, rows.stream().mapToInt(x -> x.request().length()).max().orElse(8));
        out.println();
        out.printf(Locale.ROOT, "  %-" + width + "s %9s %7s %10s %8s %10s %10s %10s %10s%n", "request",
                "requests", "share", "goodput/s", "KO", "p50 ms", "p90 ms", "p99 ms", "max ms");
        for (Row x : rows) {
            out.printf(Locale.ROOT, "  %-" + width + "s %9d %6.2f%% %10.1f %7.2f%% %10s %10s %10s %10s%s%n",
                    x.request(), x.requests(), x.share(), x.goodput(), x.errorsPercent(), num(x.p50Ms()),
                    num(x.p90Ms()), num(x.p99Ms()), num(x.maxMs()),
                    x.checks().isEmpty() ? "" : "  failed checks: " + x.checks());
        }
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
