package io.apitune.stats;

import java.util.Locale;

/**
 * A median over rounds with its confidence interval, e.g. the ratio {@code B.p99 / A.p99}: median
 * 1.02, 95 % interval [0.97, 1.08] from 6 rounds.
 *
 * <p>Immutable; thread-safe.
 *
 * @param median     the point estimate: the statistic of all rounds (see {@link Bootstrap}), e.g.
 *                   the ratio of the merged runs' p99
 * @param low        lower bound of the interval, {@code <= high}
 * @param high       upper bound of the interval
 * @param confidence the interval's confidence level in (0, 1), e.g. 0.95
 * @param rounds     the number of rounds it was computed from (the smaller side's, for two sides)
 * @param paired     true when the two sides were measured in the same rounds and each round was
 *                   compared with its partner; false for one side or independent sides
 */
public record Interval(double median, double low, double high, double confidence, int rounds,
        boolean paired) {
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " > high " + high);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " not in (0, 1)");
        }
    }

    /** True when {@code value} lies inside the interval, bounds included. */
    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** The interval scaled by {@code factor} >= 0 (e.g. fractions shown as percentages). */
    public Interval scaled(double factor) {
        return new Interval(median * factor, low * factor, high * factor, confidence, rounds, paired);
    }

    /** e.g. {@code 1.021 [0.987, 1.063]}, with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", median, low, high);
    }
}
