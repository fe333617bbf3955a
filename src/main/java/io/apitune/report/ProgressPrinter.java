package io.apitune.report;

import java.io.PrintWriter;
import java.util.Locale;

import io.apitune.load.IntervalSample;
import io.apitune.load.ProgressListener;

/**
 * Live progress on stderr once a second: elapsed time, requests, current rate, interval p50/p99
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
                "%6.1fs  %,9d req  %9.1f/s  p50 %8.3f ms  p99 %8.3f ms  errors %d",
                s.elapsedSeconds(), s.totalRequests(), s.ratePerSecond(), s.latencyP50Nanos() / 1e6,
                s.latencyP99Nanos() / 1e6, s.totalErrors().total());
        if (tty) {
            err.print("\r" + bar(fraction(s)) + " " + text + "\u001b[K");
            lineOpen = true;
        } else {
            err.println(text);
        }
        err.flush();
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
