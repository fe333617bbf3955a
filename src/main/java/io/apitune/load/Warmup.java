package io.apitune.load;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;

/**
 * Decides when warm-up ends: at {@code --warmup} at the latest, and in the open model as soon as
 * the generator has kept its schedule for one whole second: the requests of that second were
 * sent within {@link HealthVerdict#LAG_FLOOR_MILLIS} ms of their intended times (p99), waiting
 * for a connection included, and something was sent. Send lag alone would not do: a generator
 * still too slow (its JIT compiling) reads answers late, so its requests wait for connections
 * and its own lag looks small. A slow target keeps warm-up to the whole {@code --warmup}, which
 * is safe. The closed model has no schedule to keep, so it warms up for the whole
 * {@code --warmup}.
 *
 * <p>Single-threaded: the generator's sampler thread.
 */
final class Warmup {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long POLL_NANOS = 10_000_000L;

    private final List<LaneRecorder> lanes;
    private final Histogram[] recycle;
    private final Histogram merged = Histograms.newHistogram();

    Warmup(List<LaneRecorder> warmupRecorders) {
        this.lanes = List.copyOf(warmupRecorders);
        this.recycle = new Histogram[lanes.size()];
    }

    /**
     * Waits until warm-up is over and returns when measurement starts ({@link System#nanoTime()}).
     *
     * @param adaptive true to end as soon as the schedule has been kept for a second
     * @param stopped  true when the run was stopped
     */
    long await(long originNanos, long warmupNanos, boolean adaptive, BooleanSupplier stopped) {
        long end = originNanos + warmupNanos;
        long nextCheck = originNanos + SECOND_NANOS;
        takeLagP99(); // start the first window clean
        while (!stopped.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                return end;
            }
            if (adaptive && now - nextCheck >= 0) {
                long lagP99 = takeLagP99();
                if (lagP99 >= 0 && lagP99 <= HealthVerdict.LAG_FLOOR_MILLIS * 1_000_000L) {
                    return now;
                }
                nextCheck = now + SECOND_NANOS;
            }
            long wake = adaptive && nextCheck - end < 0 ? nextCheck : end;
            LockSupport.parkNanos(Math.max(1, Math.min(POLL_NANOS, wake - now)));
        }
        return System.nanoTime();
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
