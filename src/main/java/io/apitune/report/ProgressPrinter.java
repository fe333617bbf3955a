package io.apitune.report;

import java.io.PrintWriter;
import java.util.Locale;

import io.apitune.load.IntervalSample;
import io.apitune.load.ProgressListener;

/**
 * Live progress on stderr once a second: elapsed time, requests, OK answers per second, interval
 * OK p50/p99 (a dash when nothing succeeded in that second)
 * and errors. On a terminal it redraws one line with a bar; otherwise it prints plain lines.
 *
 * <p>Called on the generator's sampler thread only.
 */
public final class ProgressPrinter implements ProgressListener {
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final boolean tty;
    private boolean lineOpen;

    public ProgressPrinter(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public void warmupStarted(double seconds) {
        err.printf(Locale.ROOT, "warming up for %.1f s (not measured)%n", seconds);
        err.flush();
    }

    @Override
    public void interval(IntervalSample s) {
        if (s.intervalSeconds() < 0.5) {
            return; // the short remainder at the end; the summary follows at once
        }
        String text = String.format(Locale.ROOT,
                "%6.1fs  %,9d req  %9.1f OK/s  p50 %8s ms  p99 %8s ms  KO %d",
                s.elapsedSeconds(), s.totalRequests(), s.okPerSecond(), ms(s, s.latencyP50Nanos()),
                ms(s, s.latencyP99Nanos()), s.totalErrors().total());
        if (tty) {
            err.print("\r" + bar(fraction(s)) + " " + text + "\u001b[K");
            lineOpen = true;
        } else {
            err.println(text);
        }
        err.flush();
    }

    @Override
    public void measurementStarted(double warmupSeconds, long warmupDropped) {
        err.printf(Locale.ROOT, "measuring after %.1f s of warm-up%s%n", warmupSeconds,
                warmupDropped == 0 ? "" : " (" + warmupDropped + " warm-up requests not yet sent were dropped)");
        err.flush();
    }

    /** The OK latency in ms, or a dash when nothing succeeded in the interval. */
    private static String ms(IntervalSample s, long nanos) {
        return s.hasOkLatency() ? String.format(Locale.ROOT, "%.3f", nanos / 1e6) : "–";
    }

    @Override
    public void finished() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
        err.flush();
    }

    private static double fraction(IntervalSample s) {
        if (s.plannedSeconds() > 0) {
            return s.elapsedSeconds() / s.plannedSeconds();
        }
        return s.plannedRequests() > 0 ? (double) s.totalRequests() / s.plannedRequests() : 0;
    }

    static String bar(double fraction) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR_WIDTH);
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "]";
    }
}
