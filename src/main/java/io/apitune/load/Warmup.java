package io.apitune.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;

/**
 * Decides when warm-up ends: at {@code --warmup} at the latest, and earlier once a whole second
 * shows the generator ready. In both models that second must find the JIT quiet (it compiled for
 * at most {@link #JIT_QUIET_MILLIS} ms): on a pinned core the compiler threads take the I/O
 * thread's CPU, and a measurement started while they still work shows their stalls as the
 * target's latency (tens of ms at p99 in its first seconds, measured at 10,000/s against nginx).
 * In the open model the second must also keep the schedule: its requests sent within
 * {@link HealthVerdict#LAG_FLOOR_MILLIS} ms of their intended times (p99), waiting for a
 * connection included, and something sent. Send lag alone would not do: a generator still too
 * slow reads answers late, so its requests wait for connections and its own lag looks small. A
 * slow target keeps warm-up to the whole {@code --warmup}, which is safe.
 *
 * <p>Once a second it also wakes the lanes from this thread ({@code wakeLanes}), as ending
 * warm-up will. A path the JIT never saw taken is compiled as a trap: the lanes see no task from
 * another thread until measurement starts, and that first one used to deoptimise the event
 * loop's whole compiled loop (epoll's wake-up event), which then ran slower until recompiled,
 * about 0.3 s into the measured window (JFR, 10,000/s over h2c on one core).
 *
 * <p>Single-threaded: the generator's sampler thread.
 */
final class Warmup {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long POLL_NANOS = 10_000_000L;
    /** Compilation time (all compiler threads) a second may have and still count as quiet. */
    static final long JIT_QUIET_MILLIS = 20;
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    private final List<LaneRecorder> lanes;
    private final Histogram[] recycle;
    private final Histogram merged = Histograms.newHistogram();
    private final LongSupplier jitMillis;
    private final Runnable wakeLanes;
    private long lastJitMillis;

    Warmup(List<LaneRecorder> warmupRecorders, Runnable wakeLanes) {
        this(warmupRecorders, wakeLanes, Warmup::jitMillis);
    }

    /**
     * @param wakeLanes wakes every lane with a task from this thread; run once a second
     * @param jitMillis total JIT compilation time so far, ms, or -1 when unknown
     */
    Warmup(List<LaneRecorder> warmupRecorders, Runnable wakeLanes, LongSupplier jitMillis) {
        this.lanes = List.copyOf(warmupRecorders);
        this.recycle = new Histogram[lanes.size()];
        this.wakeLanes = wakeLanes;
        this.jitMillis = jitMillis;
        this.lastJitMillis = jitMillis.getAsLong();
    }

    /**
     * Waits until warm-up is over and returns when measurement starts ({@link System#nanoTime()}).
     *
     * @param open     the open model: a ready second also keeps the schedule
     * @param adaptive true to end as soon as a second shows the generator ready
     * @param stopped  true when the run was stopped
     */
    long await(long originNanos, long warmupNanos, boolean open, boolean adaptive,
            BooleanSupplier stopped) {
        long end = originNanos + warmupNanos;
        long nextCheck = originNanos + SECOND_NANOS;
        takeLagP99(); // start the first window clean
        while (!stopped.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                return end;
            }
            if (now - nextCheck >= 0) {
                if (adaptive && ready(open)) {
                    return now;
                }
                wakeLanes.run();
                nextCheck = now + SECOND_NANOS;
            }
            long wake = nextCheck - end < 0 ? nextCheck : end;
            LockSupport.parkNanos(Math.max(1, Math.min(POLL_NANOS, wake - now)));
        }
        return System.nanoTime();
    }

    /** True when the last second found the JIT quiet and, in the open model, the schedule kept. */
    private boolean ready(boolean open) {
        long lagP99 = takeLagP99();
        boolean kept = !open || lagP99 >= 0 && lagP99 <= HealthVerdict.LAG_FLOOR_MILLIS * 1_000_000L;
        return jitQuiet() && kept;
    }

    /** True when the JIT compiled for at most {@link #JIT_QUIET_MILLIS} ms since the last call. */
    private boolean jitQuiet() {
        long now = jitMillis.getAsLong();
        boolean quiet = now < 0 || now - lastJitMillis <= JIT_QUIET_MILLIS;
        lastJitMillis = now;
        return quiet;
    }

    /** Total JIT compilation time of this JVM, ms; -1 when the JVM does not measure it. */
    private static long jitMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : -1;
    }

    /** Schedule lag p99 since the last call, over every lane; -1 when nothing was sent. */
    private long takeLagP99() {
        merged.reset();
        for (int i = 0; i < lanes.size(); i++) {
            recycle[i] = lanes.get(i).scheduleLagInterval(recycle[i]);
            merged.add(recycle[i]);
        }
        return merged.getTotalCount() == 0 ? -1 : merged.getValueAtPercentile(99);
    }
}
