package io.apitune.run;

/**
 * How many interleaved rounds a plan's runs are measured in. Built and validated by
 * {@link PlanSettings}.
 *
 * <p>Immutable; thread-safe.
 *
 * @param count     rounds measured first, >= 1 (1: each run once, no intervals)
 * @param maxRounds with {@code --until-conclusive}: the most rounds run while a gate is
 *                  inconclusive, >= count; equal to {@code count} without it
 */
public record Rounds(int count, int maxRounds) {
    /** Most rounds a plan may ask for. */
    public static final int MAX = 1000;
    /** One run each: no rounds. */
    public static final Rounds SINGLE = new Rounds(1, 1);

    public Rounds {
        if (count < 1 || maxRounds < count || maxRounds > MAX) {
            throw new IllegalArgumentException("rounds " + count + ", at most " + maxRounds);
        }
    }

    /** True when the runs are measured in rounds (two or more). */
    public boolean enabled() {
        return count > 1;
    }

    /** True when inconclusive gates may add rounds. */
    public boolean untilConclusive() {
        return maxRounds > count;
    }
}
