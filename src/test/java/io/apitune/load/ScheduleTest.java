package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Intended send times: exact spacing from the start, Poisson mean rate, linear ramp. */
class ScheduleTest {
    @Test
    void constantSpacingIsComputedFromTheStartWithoutDrift() {
        Schedule schedule = new Schedule(1000, 0, false, 1);
        long last = 0;
        for (int i = 0; i < 1_000_000; i++) {
            last = schedule.nextOffsetNanos();
        }
        // Request i is at exactly i ms: after a million steps there is no accumulated error.
        assertThat(last).isEqualTo(999_999L * 1_000_000L);
    }

    @Test
    void poissonArrivalsHaveTheTargetMeanRateAndExponentialGaps() {
        Schedule schedule = new Schedule(1000, 0, true, 42);
        int n = 200_000;
        long previous = schedule.nextOffsetNanos();
        long first = previous;
        int gapsAboveMean = 0;
        for (int i = 1; i < n; i++) {
            long t = schedule.nextOffsetNanos();
            assertThat(t).isGreaterThanOrEqualTo(previous);
            if (t - previous > 1_000_000L) {
                gapsAboveMean++;
            }
            previous = t;
        }
        double rate = (n - 1) / ((previous - first) / 1e9);
        assertThat(rate).isBetween(990.0, 1010.0);
        // For exponential gaps P(gap > mean) = e^-1 = 0.368.
        assertThat(gapsAboveMean / (double) (n - 1)).isBetween(0.36, 0.376);
    }

    @Test
    void rampUpIsLinearFromZeroToTheRate() {
        // Ramp to 1000/s over 2 s: N(t) = 1000 t^2 / 4, so 1000 requests by t = 2 s (half the
        // full-rate count) and 250 by t = 1 s; afterwards 1000/s.
        Schedule schedule = new Schedule(1000, 2_000_000_000L, false, 1);
        int byOneSecond = 0;
        int byTwoSeconds = 0;
        int byThreeSeconds = 0;
        long t;
        while ((t = schedule.nextOffsetNanos()) < 3_000_000_000L) {
            byOneSecond += t < 1_000_000_000L ? 1 : 0;
            byTwoSeconds += t < 2_000_000_000L ? 1 : 0;
            byThreeSeconds++;
        }
        assertThat(byOneSecond).isBetween(249, 251);
        assertThat(byTwoSeconds).isBetween(999, 1001);
        assertThat(byThreeSeconds).isBetween(1999, 2001);
    }
}
