package io.apitune.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.Percentile;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;

/**
 * The console summary of a run: rates, requests, errors by class, and a percentile table for
 * latency (from intended send) and service time (from actual send), in milliseconds.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConsoleSummary {
    private ConsoleSummary() {
    }

    /** @param dir the report directory, or null when none was written */
    public static void print(PrintWriter out, RunReport report, String dir) {
        Results r = report.results();
        String url = report.target() == null ? "" : report.target().url();
        out.printf(Locale.ROOT, "%s  %s%s%n", report.name(), url,
                report.interrupted() ? "  (interrupted)" : "");
        String target = r.targetRate() == null ? "closed model"
                : String.format(Locale.ROOT, "target %.1f/s", r.targetRate());
        out.printf(Locale.ROOT, "  %s, achieved %.1f/s, %d requests in %.3f s%n", target,
                r.throughput(), r.requests(), r.durationSeconds());
        out.println("  " + errorLine(r.errors(), r.requests()));
        errorWarning(r).ifPresent(w -> out.println("  " + w));
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-13s", "ms"));
        for (Percentile p : Percentile.values()) {
            head.append(String.format(Locale.ROOT, "%10s", p.key()));
        }
        out.println(head.append(String.format(Locale.ROOT, "%10s%10s", "max", "mean")));
        row(out, "latency", r.latency());
        row(out, "service time", r.serviceTime());
        if (dir != null) {
            out.println();
            out.println("  report: " + dir);
        }
        out.flush();
    }

    /** Above this share of failed requests a run is not a success, whatever the exit code. */
    static final double WARN_ERROR_SHARE = 0.01;

    /**
     * A {@code WARNING:} line when more than 1 % of the requests failed, naming the most common
     * error class: the exit code stays 0 (gates decide), but the summary must not read as a success.
     */
    static Optional<String> errorWarning(Results r) {
        if (r.requests() == 0 || r.errors().total() <= WARN_ERROR_SHARE * r.requests()) {
            return Optional.empty();
        }
        ErrorKind top = ErrorKind.values()[0];
        for (ErrorKind kind : ErrorKind.values()) {
            top = r.errors().get(kind) > r.errors().get(top) ? kind : top;
        }
        return Optional.of(String.format(Locale.ROOT, "WARNING: %.1f%% of the requests failed, most "
                + "of them %s (%d); the latency and throughput below include them.",
                100.0 * r.errors().total() / r.requests(), top.key(), r.errors().get(top)));
    }

    static String errorLine(ErrorTally errors, long requests) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "errors %d (%.2f%%)",
                errors.total(), requests == 0 ? 0.0 : 100.0 * errors.total() / requests));
        String sep = ": ";
        for (ErrorKind kind : ErrorKind.values()) {
            line.append(sep).append(kind.key()).append(' ').append(errors.get(kind));
            sep = ", ";
        }
        return line.toString();
    }

    private static void row(PrintWriter out, String label, LatencySummary s) {
        if (s == null) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-13s", label));
        for (Percentile p : Percentile.values()) {
            line.append(String.format(Locale.ROOT, "%10.3f", s.percentileMs(p)));
        }
        out.println(line.append(String.format(Locale.ROOT, "%10.3f%10.3f", s.maxMs(), s.meanMs())));
    }
}
