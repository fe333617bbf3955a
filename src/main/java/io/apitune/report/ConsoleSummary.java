package io.apitune.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.Percentile;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.ProtocolInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TheoryInfo;

/**
 * The console summary of a run: goodput and request rate, OK and KO counts with the error
 * classes, the generator's verdict on itself, and a percentile table of OK latency (from the
 * intended send), OK service time (from the actual send) and failure latency, in milliseconds.
 * A run against a reference-server mode also gets its theory line: the bound on goodput that the
 * server's configuration gives and the fraction of it measured.
 * {@code WARNING:} lines say when failures or the generator make the figures misleading.
 *
 * <p>Stateless; thread-safe.
 */
public final class ConsoleSummary {
    /** Above this share of failed requests a run is not a success, whatever the exit code. */
    static final double WARN_ERROR_SHARE = 0.01;

    private ConsoleSummary() {
    }

    /** @param dir the report directory, or null when none was written */
    public static void print(PrintWriter out, RunReport report, String dir) {
        Results r = report.results();
        String url = report.target() == null ? "" : report.target().url();
        out.printf(Locale.ROOT, "%s  %s%s%n", report.name(), url,
                report.interrupted() ? "  (interrupted)" : "");
        if (report.abortedBy() != null) {
            out.println("  ABORTED by gate " + report.abortedBy() + " (failed on its window; the figures "
                    + "below are what was measured until then)");
        }
        String target = r.targetRate() == null ? "closed model"
                : String.format(Locale.ROOT, "target %.1f/s", r.targetRate());
        out.printf(Locale.ROOT, "  %s, goodput %.1f/s (OK answers), request rate %.1f/s, %d requests "
                + "in %.3f s%n", target, r.throughput(), r.requestRate() == null ? r.throughput()
                : r.requestRate(), r.requests(), r.durationSeconds());
        out.println("  " + okLine(r));
        if (r.protocol() != null) {
            out.println("  " + protocolLine(r.protocol()));
        }
        errorWarning(r).ifPresent(w -> out.println("  " + w));
        if (r.generator() != null) {
            out.println("  " + generatorLine(r.generator()));
            if (r.generator().limited()) {
                out.println("  " + r.generator().warning());
            }
        }
        if (report.theory() != null) {
            out.println("  " + theoryLine(report.theory()));
        }
        out.println();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-14s", "ms"));
        for (Percentile p : Percentile.values()) {
            head.append(String.format(Locale.ROOT, "%10s", p.key()));
        }
        out.println(head.append(String.format(Locale.ROOT, "%10s%10s", "max", "mean")));
        row(out, "latency OK", r.latency());
        row(out, "service OK", r.serviceTime());
        if (r.failureLatency() != null && r.failureLatency().count() > 0) {
            row(out, "failures KO", r.failureLatency());
        }
        RequestRows.print(out, report.name(), r);
        if (dir != null) {
            out.println();
            out.println("  report: " + dir);
        }
        out.flush();
    }

    /** {@code protocol h2c, 64 streams per connection, 4 connections opened}. */
    static String protocolLine(ProtocolInfo p) {
        String streams = p.streamsPerConnection() == 1 ? "one request per connection at a time"
                : p.streamsPerConnection() + " streams per connection";
        return String.format(Locale.ROOT, "protocol %s, %s, %d connection%s opened", p.negotiated(),
                streams, p.connectionsOpened(), p.connectionsOpened() == 1 ? "" : "s");
    }

    /** {@code OK 990, KO 10 (1.00%): connect 0, timeout 10, ...}. */
    static String okLine(Results r) {
        ErrorTally errors = r.errors();
        long ok = r.ok() != null ? r.ok() : r.requests() - errors.total();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "OK %d, KO %d (%.2f%%)", ok,
                errors.total(), r.requests() == 0 ? 0.0 : 100.0 * errors.total() / r.requests()));
        String sep = ": ";
        for (ErrorKind kind : ErrorKind.values()) {
            line.append(sep).append(kind.key()).append(' ').append(errors.get(kind));
            sep = ", ";
        }
        return line.toString();
    }

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
                + "of them %s (%d); goodput and OK latency leave them out, see the failures row.",
                100.0 * r.errors().total() / r.requests(), top.key(), r.errors().get(top)));
    }

    /** {@code generator: send lag p99 0.052 ms, CPU 0.41 of 2 cores, GC 2 pauses 3 ms: not limited}. */
    static String generatorLine(GeneratorInfo g) {
        StringBuilder line = new StringBuilder("generator:");
        if (g.sendLag() != null) {
            line.append(String.format(Locale.ROOT, " send lag p99 %.3f ms,", g.sendLag().percentileMs(Percentile.P99)));
        }
        if (g.cpuUtilisation() != null && g.cores() != null) {
            line.append(String.format(Locale.ROOT, " CPU %.2f of %d cores,", g.cpuUtilisation(), g.cores()));
        }
        if (g.gcCount() != null) {
            line.append(String.format(Locale.ROOT, " GC %d pauses %d ms,", g.gcCount(), g.gcPauseMillis()));
        }
        if (g.warmupSeconds() != null) {
            line.append(String.format(Locale.ROOT, " warm-up %.1f s (%d dropped),", g.warmupSeconds(),
                    g.warmupDropped()));
        }
        line.setLength(line.length() - (line.charAt(line.length() - 1) == ',' ? 1 : 0));
        return line.append(g.limited() ? ": LIMITED (" + String.join(", ", g.causes()) + ")"
                : ": not limited").toString();
    }

    /**
     * {@code theory: goodput at 0.91 of the bound 400/s (W / L = 8 workers / 20 ms)}, or why there
     * is no bound.
     */
    static String theoryLine(TheoryInfo t) {
        if (!t.bounded()) {
            return "theory: no bound" + (t.note() == null ? "" : ": " + t.note());
        }
        String line = String.format(Locale.ROOT, "theory: goodput at %.2f of the bound %s/s (%s = %s)",
                t.fraction(), Html.num(t.boundPerSecond()), t.formula(), t.explanation());
        if (t.overheadMs() != null) {
            line += String.format(Locale.ROOT, "; mean OK latency %.3f ms above that wait",
                    t.overheadMs());
        }
        return line;
    }

    private static void row(PrintWriter out, String label, LatencySummary s) {
        if (s == null) {
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s", label));
        for (Percentile p : Percentile.values()) {
            line.append(String.format(Locale.ROOT, "%10.3f", s.percentileMs(p)));
        }
        out.println(line.append(String.format(Locale.ROOT, "%10.3f%10.3f", s.maxMs(), s.meanMs())));
    }
}
