package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

/**
 * Warm-up ends once a second finds the JIT quiet and (open model) the schedule kept, at the
 * latest at {@code --warmup}; the send lags are written by a thread standing in for a lane and
 * the JIT's compilation time is given, so the outcome does not depend on the machine's speed.
 */
class WarmupTest {
    private static final LongSupplier QUIET_JIT = () -> 1_000;
    private static final AtomicInteger wakes = new AtomicInteger();

    private static double warmupSeconds(long lagNanos, long warmupNanos, boolean adaptive)
            throws InterruptedException {
        return warmupSeconds(lagNanos, warmupNanos, true, adaptive, QUIET_JIT);
    }

    private static double warmupSeconds(long lagNanos, long warmupNanos, boolean open, boolean adaptive,
            LongSupplier jitMillis) throws InterruptedException {
        LaneRecorder lane = new LaneRecorder(new int[] {0});
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            while (!done.get()) {
                lane.recordSendLag(lagNanos / 10, lagNanos);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        long origin = System.nanoTime();
        long end = new Warmup(List.of(lane), wakes::incrementAndGet, jitMillis).await(origin, warmupNanos, open, adaptive,
                () -> false);
        done.set(true);
        writer.join();
        return (end - origin) / 1e9;
    }

    @Test
    void wakesTheLanesOnceASecondOfAFixedWarmup() throws Exception {
        wakes.set(0);
        assertThat(warmupSeconds(5_000_000, 2_500_000_000L, true, false, () -> 0)).isEqualTo(2.5);
        // at 1 s and 2 s; on a busy machine a late check may miss the second one
        assertThat(wakes.get()).isBetween(1, 2);
    }

    @Test
    void endsAfterTheFirstSecondOnScheduleWhenTheGeneratorKeepsUp() throws Exception {
        assertThat(warmupSeconds(50_000, 4_000_000_000L, true)).isBetween(1.0, 2.5);
    }

    @Test
    void lastsTheWholeWarmupWhenTheGeneratorLags() throws Exception {
        assertThat(warmupSeconds(5_000_000, 2_000_000_000L, true)).isEqualTo(2.0);
    }

    @Test
    void lastsTheWholeWarmupWhileTheJitCompiles() throws Exception {
        AtomicLong compiled = new AtomicLong();
        LongSupplier busyJit = () -> compiled.addAndGet(Warmup.JIT_QUIET_MILLIS * 5);
        assertThat(warmupSeconds(50_000, 2_000_000_000L, true, true, busyJit)).isEqualTo(2.0);
    }

    @Test
    void theClosedModelEndsOnceTheJitIsQuiet() throws Exception {
        // no schedule to keep: a lagging closed model still ends after its first quiet second
        assertThat(warmupSeconds(5_000_000, 4_000_000_000L, false, true, QUIET_JIT)).isBetween(1.0, 2.5);
    }

    @Test
    void aFullWarmupIgnoresEverything() throws Exception {
        assertThat(warmupSeconds(50_000, 1_500_000_000L, false, false, QUIET_JIT)).isEqualTo(1.5);
    }
}
