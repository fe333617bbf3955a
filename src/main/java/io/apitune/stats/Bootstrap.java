package io.apitune.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Medians over rounds and their 95 % confidence intervals by the percentile bootstrap: the rounds
 * are resampled with replacement {@value #RESAMPLES} times, the statistic is computed on each
 * resample, and the interval is the 2.5th to 97.5th percentile of those values. No distribution is
 * assumed, which suits per-round latency percentiles on a noisy machine (skewed, with the odd
 * outlying round). Medians and percentiles come from Apache Commons Math.
 *
 * <ul>
 *   <li>{@link #median}: one side, e.g. a run's p99 over its rounds against {@code p99 < 25ms};</li>
 *   <li>{@link #pairedRatio}: two sides measured in the same interleaved rounds: the median of the
 *       per-round ratios, resampling whole rounds, so drift that hits both sides of a round
 *       cancels;</li>
 *   <li>{@link #ratio}: two independent sides (a stored baseline against today's runs): the ratio
 *       of the medians, each side resampled on its own;</li>
 *   <li>{@link #pairedDifference} and {@link #difference}: the same for {@code a - k * b}, for when
 *       a ratio is undefined (a side with zeros, e.g. no errors).</li>
 * </ul>
 *
 * <p>The random generator is seeded with a constant, so the same samples always give the same
 * interval (a gate's verdict never changes on a re-read). Fewer than {@value #MIN_ROUNDS} rounds,
 * or a value that is not finite, give no interval.
 *
 * <p>Stateless; thread-safe (each call has its own generator and estimators).
 */
public final class Bootstrap {
    /** Confidence level of every interval. */
    public static final double CONFIDENCE = 0.95;
    /** Rounds needed for an interval. */
    public static final int MIN_ROUNDS = 2;
    /** Resamples per interval: enough for stable 2.5 % / 97.5 % percentiles. */
    static final int RESAMPLES = 10_000;
    private static final long SEED = 0x5EED_14L;

    private Bootstrap() {
    }

    /** The median of {@code values} and its interval. */
    public static Optional<Interval> median(double[] values) {
        if (!usable(values)) {
            return Optional.empty();
        }
        return Optional.of(oneSide(values));
    }

    /** {@code median(a[i] / b[i])} over rounds i; empty when a {@code b[i]} is not positive. */
    public static Optional<Interval> pairedRatio(double[] a, double[] b) {
        requireSameLength(a, b);
        if (!usable(a) || !usable(b) || Arrays.stream(b).anyMatch(v -> v <= 0)) {
            return Optional.empty();
        }
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        Interval i = oneSide(ratios);
        return Optional.of(new Interval(i.median(), i.low(), i.high(), CONFIDENCE, a.length, true));
    }

    /** {@code median(a[i] - factor * b[i])} over rounds i. */
    public static Optional<Interval> pairedDifference(double[] a, double[] b, double factor) {
        requireSameLength(a, b);
        if (!usable(a) || !usable(b)) {
            return Optional.empty();
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - factor * b[i];
        }
        Interval i = oneSide(differences);
        return Optional.of(new Interval(i.median(), i.low(), i.high(), CONFIDENCE, a.length, true));
    }

    /**
     * {@code median(a) / median(b)} of two independent sides; empty when {@code b} has a value
     * that is not positive. A side of one value is taken as exact (it carries no spread).
     */
    public static Optional<Interval> ratio(double[] a, double[] b) {
        if (!usableSide(a) || !usableSide(b) || (a.length < MIN_ROUNDS && b.length < MIN_ROUNDS)
                || Arrays.stream(b).anyMatch(v -> v <= 0)) {
            return Optional.empty();
        }
        return Optional.of(twoSides(a, b, (ma, mb) -> ma / mb));
    }

    /** {@code median(a) - factor * median(b)} of two independent sides. */
    public static Optional<Interval> difference(double[] a, double[] b, double factor) {
        if (!usableSide(a) || !usableSide(b) || (a.length < MIN_ROUNDS && b.length < MIN_ROUNDS)) {
            return Optional.empty();
        }
        return Optional.of(twoSides(a, b, (ma, mb) -> ma - factor * mb));
    }

    private static Interval oneSide(double[] values) {
        Median median = new Median();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] resample = new double[values.length];
        double[] statistics = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(values, resample, random);
            statistics[r] = median.evaluate(resample);
        }
        return interval(median.evaluate(values), statistics, values.length, false);
    }

    private static Interval twoSides(double[] a, double[] b, DoubleBinaryOperator statistic) {
        Median median = new Median();
        SplittableRandom random = new SplittableRandom(SEED);
        double[] resampleA = new double[a.length];
        double[] resampleB = new double[b.length];
        double[] statistics = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            draw(a, resampleA, random);
            draw(b, resampleB, random);
            statistics[r] = statistic.applyAsDouble(median.evaluate(resampleA), median.evaluate(resampleB));
        }
        double point = statistic.applyAsDouble(median.evaluate(a), median.evaluate(b));
        return interval(point, statistics, Math.min(a.length, b.length), false);
    }

    private static void draw(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    private static Interval interval(double point, double[] statistics, int rounds, boolean paired) {
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(statistics);
        double tail = (1 - CONFIDENCE) / 2 * 100;
        double low = percentile.evaluate(tail);
        double high = percentile.evaluate(100 - tail);
        // The point estimate lies inside its own bootstrap interval except in degenerate cases
        // (two rounds); widen rather than print a median outside its interval.
        return new Interval(point, Math.min(low, point), Math.max(high, point), CONFIDENCE, rounds, paired);
    }

    private static boolean usable(double[] values) {
        return values.length >= MIN_ROUNDS && usableSide(values);
    }

    private static boolean usableSide(double[] values) {
        return values.length >= 1 && Arrays.stream(values).allMatch(Double::isFinite);
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length
                    + " and " + b.length);
        }
    }
}
