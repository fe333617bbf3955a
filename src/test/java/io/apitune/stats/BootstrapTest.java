package io.apitune.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    @Test
    void theMedianLiesInsideItsIntervalAndTheSameSamplesGiveTheSameInterval() {
        double[] p99 = {21.0, 22.5, 20.8, 35.0, 21.4, 21.9};
        Interval i = Bootstrap.of(Samples.values(p99)).orElseThrow();
        assertThat(i.median()).isEqualTo(21.65, within(1e-9));
        assertThat(i.low()).isLessThanOrEqualTo(i.median()).isGreaterThanOrEqualTo(20.8);
        assertThat(i.high()).isGreaterThanOrEqualTo(i.median()).isLessThanOrEqualTo(35.0);
        assertThat(i.rounds()).isEqualTo(6);
        assertThat(i.confidence()).isEqualTo(0.95);
        assertThat(Bootstrap.of(Samples.values(p99.clone())).orElseThrow()).isEqualTo(i);
    }

    @Test
    void oneOutlyingRoundMovesTheIntervalLessThanItMovesTheRange() {
        Interval i = Bootstrap.of(Samples.values(1.00, 1.01, 0.99, 1.02, 0.98, 1.00, 1.01, 1.60)).orElseThrow();
        assertThat(i.high()).isLessThan(1.1);
    }

    /** Oracle: the pooled percentile of all rounds is the percentile of one histogram of them all. */
    @Test
    void pooledRoundsGiveThePercentileOfTheirHistogramsAdded() {
        SplittableRandom random = new SplittableRandom(3);
        List<Histogram> rounds = new ArrayList<>();
        Histogram all = Histograms.newHistogram();
        for (int r = 0; r < 7; r++) {
            Histogram h = Histograms.newHistogram();
            for (int i = 0; i < 500 + 100 * r; i++) {
                h.recordValue(1_000_000L + random.nextLong(30_000_000L) * (r == 3 ? 5 : 1));
            }
            rounds.add(h);
            all.add(h);
        }
        for (double level : new double[] {0, 50, 90, 99, 99.9, 100}) {
            // the 0th percentile is HdrHistogram's lowest equivalent value, the others its highest
            assertThat(Samples.pooled(rounds, level, 1e-6).all()).as("p" + level)
                    .isEqualTo(all.getValueAtPercentile(level) / 1e6, within(1e-9));
        }
        Interval i = Bootstrap.of(Samples.pooled(rounds, 99, 1e-6)).orElseThrow();
        assertThat(i.median()).isEqualTo(all.getValueAtPercentile(99) / 1e6, within(1e-9));
        assertThat(i.low()).isLessThan(i.high());
    }

    @Test
    void pairedRoundsOfAnExactRegressionGiveADegenerateRatio() {
        Samples a = Samples.values(20, 21, 25, 19, 22);
        Samples b = Samples.values(26, 27.3, 32.5, 24.7, 28.6);
        Interval i = Bootstrap.ratio(b, a, true).orElseThrow();
        assertThat(i.median()).isEqualTo(1.3, within(1e-9));
        assertThat(i.low()).isEqualTo(1.3, within(1e-9));
        assertThat(i.high()).isEqualTo(1.3, within(1e-9));
        assertThat(i.paired()).isTrue();
        assertThat(Bootstrap.ratio(b, a, false).orElseThrow().high()).isGreaterThan(1.4);
    }

    @Test
    void aSideOfOneRoundIsExactAndTwoSingleValuesGiveNoInterval() {
        Samples now = Samples.values(11, 12, 13);
        Interval both = Bootstrap.ratio(now, Samples.values(10, 10, 10), false).orElseThrow();
        assertThat(both.median()).isEqualTo(1.2, within(1e-9));
        assertThat(both.paired()).isFalse();
        assertThat(Bootstrap.ratio(now, Samples.values(10), false).orElseThrow()).isEqualTo(both);
        assertThat(Bootstrap.ratio(Samples.values(12), Samples.values(10), false)).isEmpty();
    }

    @Test
    void noIntervalFromOneRoundANonFiniteValueOrARatioOverZero() {
        assertThat(Bootstrap.of(Samples.values(1.0))).isEmpty();
        assertThat(Bootstrap.of(Samples.values(1.0, Double.NaN, 2.0))).isEmpty();
        assertThat(Bootstrap.ratio(Samples.values(1, 2), Samples.values(0, 0), true)).isEmpty();
        Interval d = Bootstrap.difference(Samples.values(0, 0, 0), Samples.values(0, 0, 0), 1.1, true)
                .orElseThrow();
        assertThat(d.low()).isZero();
        assertThat(d.high()).isZero();
    }

    /**
     * The property the gates rest on, simulated with a fixed seed: 12 paired rounds of 400
     * requests each, latencies log-normal around the side's level, a drift that hits both sides of
     * a round alike, and in a quarter of the rounds a stall that adds 50 ms to 0.5 % of one side's
     * requests. Under the null (both sides alike) the p99 ratio's interval lies wholly above 1.05 —
     * a false FAIL of {@code B.p99 <= 1.05 * A.p99} — in under 3 % of the experiments; with B 30 %
     * slower it lies wholly above 1.05 — the regression is caught — in every one. (Stalls on 2 %
     * of a round's requests, more than p99's 1 % tail, in a quarter of the rounds hide the same
     * regression in about 40 % of such experiments at 12 rounds: that needs more rounds.)
     */
    @Test
    void pairedRoundsSeparateANullFromAThirtyPercentRegressionDespiteStalls() {
        SplittableRandom random = new SplittableRandom(14);
        LogNormalDistribution noise = new LogNormalDistribution(new Well19937c(14), 0, 0.1);
        int experiments = 100;
        int falseFails = 0;
        int caught = 0;
        for (int e = 0; e < experiments; e++) {
            List<Histogram> a = new ArrayList<>();
            List<Histogram> same = new ArrayList<>();
            List<Histogram> slower = new ArrayList<>();
            for (int r = 0; r < 12; r++) {
                double drift = 20e6 * Math.exp(0.3 * random.nextDouble());
                a.add(round(drift, noise, random));
                same.add(round(drift, noise, random));
                slower.add(round(1.3 * drift, noise, random));
            }
            Samples base = Samples.pooled(a, 99, 1e-6);
            falseFails += Bootstrap.ratio(Samples.pooled(same, 99, 1e-6), base, true).orElseThrow().low() > 1.05 ? 1 : 0;
            caught += Bootstrap.ratio(Samples.pooled(slower, 99, 1e-6), base, true).orElseThrow().low() > 1.05 ? 1 : 0;
        }
        assertThat(falseFails).isLessThan(3);
        assertThat(caught).isEqualTo(experiments);
    }

    private static Histogram round(double levelNanos, LogNormalDistribution noise, SplittableRandom random) {
        Histogram h = Histograms.newHistogram();
        boolean stall = random.nextInt(4) == 0;
        for (int i = 0; i < 400; i++) {
            double value = levelNanos * noise.sample() + (stall && i % 200 == 0 ? 50e6 : 0);
            h.recordValue(Math.round(value));
        }
        return h;
    }
}
