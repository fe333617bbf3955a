package io.apitune.server;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;

/**
 * What one route records per request: its mode's {@link ModeStats} counters (none for the
 * baselines {@code /plaintext} and {@code /json}) and, when metrics are on, its server-side
 * latency in a Micrometer {@link Timer}. With metrics off there is no timer and no clock read,
 * which is the A/B that {@code scripts/metrics-overhead.sh} measures.
 *
 * <p>Thread-safe: the counters and the timer are concurrent; one instance serves every event
 * loop.
 */
public final class Endpoint {
    private final ModeStats stats;
    private final Timer timer;

    /**
     * @param stats the mode's counters, or null for a route outside the modes
     * @param timer the route's latency timer, or null when metrics are off
     */
    public Endpoint(ModeStats stats, Timer timer) {
        this.stats = stats;
        this.timer = timer;
    }

    /** The endpoint {@code name} of {@code mode}: its counters and, with metrics on, a timer. */
    static Endpoint of(ServerStats stats, ServerMetrics metrics, Mode mode, String name) {
        return new Endpoint(stats.of(mode), metrics.timer(mode.path(), name));
    }

    /** Counts the request as started; returns its start time for {@link #finished}. */
    public long started() {
        if (stats != null) {
            stats.started();
        }
        return timer == null ? 0 : System.nanoTime();
    }

    /** Counts the answer and records its latency from {@code startNanos}. */
    public void finished(long startNanos, int status, boolean rejectedByPool) {
        if (stats != null) {
            stats.finished(status, rejectedByPool);
        }
        if (timer != null) {
            timer.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }
}
