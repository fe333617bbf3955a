package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Intended send times: exact spacing from the start, Poisson mean rate, linear ramp, stages. */
class ScheduleTest {
    @Test
    void constantSpacingIsComputedFromTheStartWithoutDrift() {
        Schedule schedule = new Schedule(Profile.constant(1000, 0), false, 1, 0, 1);
        long last = 0;
        for (int i = 0; i < 1_000_000; i++) {
            last = schedule.nextOffsetNanos();
        }
        // Request i is at exactly i ms: after a million steps there is no accumulated error.
        assertThat(last).isEqualTo(999_999L * 1_000_000L);
    }

    @Test
    void poissonArrivalsHaveTheTargetMeanRateAndExponentialGaps() {
        Schedule schedule = new Schedule(Profile.constant(1000, 0), true, 42, 0, 1);
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
        Schedule schedule = new Schedule(Profile.constant(1000, 2_000_000_000L), false, 1, 0, 1);
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
        Schedule all = new Schedule(Profile.constant(3000, 0), false, 1, 0, 1);
        for (int i = 0; i < 3000; i++) {
            whole.add(all.nextOffsetNanos());
        }
        java.util.TreeSet<Long> union = new java.util.TreeSet<>();
        for (int slice = 0; slice < 3; slice++) {
            Schedule part = new Schedule(Profile.constant(3000, 0), false, 1, slice, 3);
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
            Schedule counted = new Schedule(Profile.constant(1000, rampNanos), false, 7, 1, 2);
            Schedule walked = new Schedule(Profile.constant(1000, rampNanos), false, 7, 1, 2);
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
        assertThat(new Schedule(Profile.constant(1e12, 0), false, 1, 0, 1).countBefore(3_000_000_000L))
                .isEqualTo(3_000_000_000_000L);
    }

    @Test
    void aWindowHoldsExactlyRateTimesDurationRequests() {
        for (double rate : new double[] {20_000, 10_000, 3_000, 1e9}) {
            for (int slices = 1; slices <= 3; slices++) {
                long total = 0;
                for (int slice = 0; slice < slices; slice++) {
                    Schedule schedule = new Schedule(Profile.constant(rate, 0), false, 1, slice, slices);
                    total += schedule.countBefore(60_000_000_000L);
                    if (rate < 1e9) {
                        long walked = 0;
                        Schedule walk = new Schedule(Profile.constant(rate, 0), false, 1, slice, slices);
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

    /** The issue's profile: 200/s for 5 s, ramp to 1000/s over 5 s, hold 5 s, ramp to 0 over 3 s. */
    static Profile issueProfile() {
        return Profile.of(List.of(Stage.hold(200, Duration.ofSeconds(5)),
                Stage.rampTo(1000, Duration.ofSeconds(5)), Stage.hold(1000, Duration.ofSeconds(5)),
                Stage.rampTo(0, Duration.ofSeconds(3))));
    }

    private static List<Long> walk(Schedule schedule) {
        List<Long> times = new ArrayList<>();
        for (long t = schedule.nextOffsetNanos(); t != Profile.NEVER; t = schedule.nextOffsetNanos()) {
            times.add(t);
        }
        return times;
    }

    @Test
    void stagesHoldThePlanInEverySecond() {
        List<Long> times = walk(new Schedule(issueProfile(), false, 1, 0, 1));
        // 200 x 5 + (200 + 1000) / 2 x 5 + 1000 x 5 + 1000 / 2 x 3 requests, no more, no less.
        assertThat(times).hasSize(10_500);
        // Per second: the integral of the rate over that second, e.g. 200 + 160 (k + 0.5) in
        // second k of the ramp up; the whole schedule rounds each second's share by at most 1.
        double[] plan = {200, 200, 200, 200, 200, 280, 440, 600, 760, 920, 1000, 1000, 1000, 1000,
            1000, 2500 / 3.0, 500, 500 / 3.0};
        long[] counted = new long[plan.length];
        for (long t : times) {
            counted[(int) (t / 1_000_000_000L)]++;
        }
        for (int second = 0; second < plan.length; second++) {
            assertThat((double) counted[second]).as("second %d", second).isCloseTo(plan[second],
                    org.assertj.core.data.Offset.offset(1.0));
        }
        // Times never go backwards, at the boundaries neither.
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isGreaterThanOrEqualTo(times.get(i - 1));
        }
    }

    @Test
    void stageBoundariesAddNoDrift() {
        List<Long> times = walk(new Schedule(issueProfile(), false, 1, 0, 1));
        // The first hold: request i at exactly 5 ms x i.
        for (int i = 0; i < 1000; i++) {
            assertThat(times.get(i)).isEqualTo(i * 5_000_000L);
        }
        // The ramp starts exactly at the boundary, and the second hold's requests are exactly
        // 1 ms apart from exactly 10 s, after 3,000 requests of ramp computed in between.
        assertThat(times.get(1000)).isEqualTo(5_000_000_000L);
        for (int k = 0; k < 5000; k++) {
            assertThat(times.get(4000 + k)).as("request %d", 4000 + k)
                    .isEqualTo(10_000_000_000L + k * 1_000_000L);
        }
        // Inside a ramp each time is where the expected count reaches that request (+-1 ns).
        Profile profile = issueProfile();
        for (int n = 1000; n < 4000; n += 7) {
            assertThat(profile.countAt(times.get(n))).isCloseTo(n, org.assertj.core.data.Offset.offset(1e-3));
        }
        for (int n = 9000; n < 10_500; n += 3) {
            assertThat(profile.countAt(times.get(n))).isCloseTo(n, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void slicesOfAStagedScheduleAreTheWholeSchedule() {
        List<Long> whole = walk(new Schedule(issueProfile(), false, 1, 0, 1));
        List<Long> union = new ArrayList<>();
        for (int slice = 0; slice < 3; slice++) {
            List<Long> part = walk(new Schedule(issueProfile(), false, 1, slice, 3));
            for (int i = 0; i < part.size(); i++) {
                // slice k holds requests k, k + 3, k + 6, ... of the whole schedule
                assertThat(Math.abs(part.get(i) - whole.get(slice + 3 * i))).isLessThanOrEqualTo(1);
            }
            union.addAll(part);
        }
        assertThat(union).hasSize(whole.size());
    }

    @Test
    void countBeforeOfAStagedScheduleMatchesWalking() {
        for (long until : new long[] {3_000_000_000L, 7_345_678_901L, 12_000_000_000L, 16_500_000_000L,
            30_000_000_000L}) {
            Schedule counted = new Schedule(issueProfile(), false, 1, 1, 2);
            Schedule walked = new Schedule(issueProfile(), false, 1, 1, 2);
            long expected = 0;
            while (walked.nextOffsetNanos() < until) {
                expected++;
            }
            assertThat(counted.countBefore(until)).as("until %d", until).isEqualTo(expected);
        }
    }

    @Test
    void aProfileReportsItsLevelAndEnd() {
        Profile profile = issueProfile();
        assertThat(profile.endNanos()).isEqualTo(18_000_000_000L);
        assertThat(profile.levelAt(2_000_000_000L)).isEqualTo(200);
        assertThat(profile.levelAt(7_500_000_000L)).isCloseTo(600, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(profile.levelAt(16_500_000_000L)).isCloseTo(500, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(profile.levelAt(18_000_000_000L)).isZero();
        assertThat(profile.peak()).isEqualTo(1000);
        assertThat(profile.countAt(18_000_000_000L)).isEqualTo(10_500);
        assertThat(profile.countAt(99_000_000_000L)).isEqualTo(10_500);
        // A ramp from 0 starts half a step in; a staged step up from a quiet stage lands on its boundary.
        Profile quiet = Profile.of(List.of(Stage.hold(0, Duration.ofSeconds(1)), Stage.hold(10, Duration.ofSeconds(1))));
        List<Long> times = walk(new Schedule(quiet, false, 1, 0, 1));
        assertThat(times).hasSize(10).first().isEqualTo(1_000_000_000L + 50_000_000L);
    }
}
