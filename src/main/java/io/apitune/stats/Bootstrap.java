package io.apitune.stats;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Confidence intervals over rounds by the percentile bootstrap: the rounds are resampled with
 * replacement {@value #RESAMPLES} times, the statistic is computed on each resample, and the 95 %
 * interval is the 2.5th to 97.5th percentile of those values. Rounds are the units resampled —
 * requests within a round share its conditions, rounds are what vary — and no distribution is
 * assumed, which suits latency percentiles on a noisy machine (skewed, with the odd outlying
 * round).
 *
 * <ul>
 *   <li>{@link #of}: one side, e.g. a run's p99 against {@code p99 < 25ms};</li>
 *   <li>{@link #ratio}: {@code a / b}. <em>Paired</em> when both sides were measured in the same
 *       interleaved rounds: the median of the per-round ratios (round i of a over round i of b,
 *       measured next to each other, so drift that hit both cancels and a round spoiled on one
 *       side is one outlying ratio), with the rounds resampled. <em>Independent</em> otherwise
 *       (a stored baseline): {@code S(a) / S(b)}, each side resampled on its own;</li>
 *   <li>{@link #difference}: {@code a - k * b} the same way, where a ratio is undefined (zeros).</li>
 * </ul>
 * {@code S} is the side's statistic over several rounds ({@link Samples}): the percentile of the
 * rounds' histograms added together for latency, the median of the per-round values otherwise;
 * for one side and independent sides the point estimate is the statistic of all rounds (for
 * latency exactly the merged runs' percentile).
 *
 * <p>The generator is seeded with a constant, so the same samples always give the same interval
 * (a verdict never changes on a re-read). Percentiles: Apache Commons Math.
 *
 * <p>Stateless; thread-safe (each call has its own generator and estimators).
 */
public final class Bootstrap {
    /** Confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** Rounds needed for an interval (on at least one side). */
    public static final int MIN_ROUNDS = 2;
    /** Resamples per interval: enough for stable 2.5 % / 97.5 % percentiles. */
    static final int RESAMPLES = 10_000;
    private static final long SEED = 0x5EED_14L;

    private Bootstrap() {
    }

    /** The statistic of one side and its interval; empty with fewer than two rounds. */
    public static Optional<Interval> of(Samples side) {
        if (!side.usable() || side.rounds() < MIN_ROUNDS) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] statistics = new double[RESAMPLES];
        int[] indices = new int[side.rounds()];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(indices, side.rounds(), random);
            statistics[r] = side.statistic(indices);
        }
        return Optional.of(interval(side.all(), statistics, side.rounds(), false));
    }

    /**
     * {@code S(a) / S(b)}; empty when neither side has two rounds, or {@code S(b)} (of a round,
     * when paired) is not positive. Paired: the median of the per-round ratios. Independent: the
     * ratio of the two sides' statistics, each side resampled on its own; a side of one round
     * counts as exact (it carries no spread).
     *
     * @param paired both sides were measured in the same rounds (same count, round i with round i)
     */
    public static Optional<Interval> ratio(Samples a, Samples b, boolean paired) {
        if (!b.usable() || !(b.all() > 0) || paired && a.rounds() == b.rounds() && !eachPositive(b)) {
            return Optional.empty();
        }
        return twoSides(a, b, paired, (sa, sb) -> sb > 0 ? sa / sb : Double.POSITIVE_INFINITY);
    }

    private static boolean eachPositive(Samples side) {
        int[] one = new int[1];
        for (int i = 0; i < side.rounds(); i++) {
            one[0] = i;
            if (!(side.statistic(one) > 0)) {
                return false;
            }
        }
        return true;
    }

    /** {@code S(a) - factor * S(b)}, paired or independent as for {@link #ratio}. */
    public static Optional<Interval> difference(Samples a, Samples b, double factor, boolean paired) {
        return twoSides(a, b, paired, (sa, sb) -> sa - factor * sb);
    }

    private static Optional<Interval> twoSides(Samples a, Samples b, boolean paired,
            DoubleBinaryOperator statistic) {
        if (!a.usable() || !b.usable() || Math.max(a.rounds(), b.rounds()) < MIN_ROUNDS) {
            return Optional.empty();
        }
        if (paired && a.rounds() == b.rounds()) {
            return Optional.ofNullable(perRound(a, b, statistic));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] statistics = new double[RESAMPLES];
        int[] ia = new int[a.rounds()];
        int[] ib = new int[b.rounds()];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(ia, a.rounds(), random);
            draw(ib, b.rounds(), random);
            statistics[r] = statistic.applyAsDouble(a.statistic(ia), b.statistic(ib));
        }
        double point = statistic.applyAsDouble(a.all(), b.all());
        int rounds = Math.min(a.rounds() > 1 ? a.rounds() : b.rounds(), b.rounds() > 1 ? b.rounds() : a.rounds());
        return Optional.of(interval(point, statistics, rounds, false));
    }

    /**
     * Paired rounds (null when a pair's statistic is not finite): the statistic of each round's pair (round i of a with round i of b, measured
     * next to each other), then the median of those and its interval. Drift that hit both sides of
     * a round cancels in its pair, and a round spoiled on one side only is one outlying pair.
     */
    private static Interval perRound(Samples a, Samples b, DoubleBinaryOperator statistic) {
        double[] pairs = new double[a.rounds()];
        int[] one = new int[1];
        for (int i = 0; i < pairs.length; i++) {
            one[0] = i;
            pairs[i] = statistic.applyAsDouble(a.statistic(one), b.statistic(one));
        }
        Samples values = Samples.values(pairs);
        if (!values.usable()) {
            return null;
        }
        Interval i = of(values).orElseThrow();
        return new Interval(i.median(), i.low(), i.high(), CONFIDENCE, pairs.length, true);
    }

    private static void draw(int[] into, int rounds, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = random.nextInt(rounds);
        }
    }

    private static Interval interval(double point, double[] statistics, int rounds, boolean paired) {
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(statistics);
        double tail = (1 - CONFIDENCE) / 2 * 100;
        double low = percentile.evaluate(tail);
        double high = percentile.evaluate(100 - tail);
        // The point estimate lies inside its own bootstrap interval except in degenerate cases
        // (two rounds); widen rather than show a point outside its interval.
        return new Interval(point, Math.min(low, point), Math.max(high, point), CONFIDENCE, rounds, paired);
    }
}
