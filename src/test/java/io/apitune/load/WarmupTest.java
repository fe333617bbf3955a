package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/**
 * Warm-up ends once the generator has kept its schedule for a second, at the latest at
 * {@code --warmup}; the send lags are written by a thread standing in for a lane, so the
 * outcome does not depend on the machine's speed.
 */
class WarmupTest {
    private static double warmupSeconds(long lagNanos, long warmupNanos, boolean adaptive)
            throws InterruptedException {
        LaneRecorder lane = new LaneRecorder();
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
        long end = new Warmup(List.of(lane)).await(origin, warmupNanos, adaptive, () -> false);
        done.set(true);
        writer.join();
        return (end - origin) / 1e9;
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
    void theClosedModelAlwaysWarmsUpInFull() throws Exception {
        assertThat(warmupSeconds(50_000, 1_500_000_000L, false)).isEqualTo(1.5);
    }
}
