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

    @Test
    void slicesTogetherAreExactlyTheWholeSchedule() {
        java.util.TreeSet<Long> whole = new java.util.TreeSet<>();
        Schedule all = new Schedule(3000, 0, false, 1);
        for (int i = 0; i < 3000; i++) {
            whole.add(all.nextOffsetNanos());
        }
        java.util.TreeSet<Long> union = new java.util.TreeSet<>();
        for (int slice = 0; slice < 3; slice++) {
            Schedule part = new Schedule(3000, 0, false, 1, slice, 3);
            for (int i = 0; i < 1000; i++) {
                union.add(part.nextOffsetNanos());
            }
        }
        assertThat(union.size()).isEqualTo(3000);
        // The same instants, up to the rounding of one nanosecond.
        java.util.Iterator<Long> a = whole.iterator();
        for (long u : union) {
            assertThat(Math.abs(u - a.next())).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void countBeforeMatchesCountingOneByOneWithoutAdvancing() {
        for (long rampNanos : new long[] {0, 500_000_000L}) {
            Schedule counted = new Schedule(1000, rampNanos, false, 7, 1, 2);
            Schedule walked = new Schedule(1000, rampNanos, false, 7, 1, 2);
            for (int skip = 0; skip < 37; skip++) {
                counted.nextOffsetNanos();
                walked.nextOffsetNanos();
            }
            long until = 1_234_567_890L;
            long expected = 0;
            while (walked.nextOffsetNanos() < until) {
                expected++;
            }
            assertThat(counted.countBefore(until)).as("ramp %d", rampNanos).isEqualTo(expected);
            assertThat(counted.countBefore(until)).isEqualTo(expected); // did not advance
        }
        // A rate of 10^12/s over 3 s is counted, not enumerated.
        assertThat(new Schedule(1e12, 0, false, 1).countBefore(3_000_000_000L))
                .isEqualTo(3_000_000_000_000L);
    }

    @Test
    void aWindowHoldsExactlyRateTimesDurationRequests() {
        for (double rate : new double[] {20_000, 10_000, 3_000, 1e9}) {
            for (int slices = 1; slices <= 3; slices++) {
                long total = 0;
                for (int slice = 0; slice < slices; slice++) {
                    Schedule schedule = new Schedule(rate, 0, false, 1, slice, slices);
                    total += schedule.countBefore(60_000_000_000L);
                    if (rate < 1e9) {
                        long walked = 0;
                        Schedule walk = new Schedule(rate, 0, false, 1, slice, slices);
                        while (walk.nextOffsetNanos() < 60_000_000_000L) {
                            walked++;
                        }
                        assertThat(walked).as("rate %s slice %d/%d", rate, slice, slices)
                                .isEqualTo(schedule.countBefore(60_000_000_000L));
                    }
                }
                assertThat(total).as("rate %s, %d slices", rate, slices).isEqualTo((long) (rate * 60));
            }
        }
    }
}
