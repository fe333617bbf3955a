package io.apitune.load;

import java.util.Arrays;
import java.util.List;

/**
 * A level over time from the start of a phase, piecewise linear: the open model's rate
 * (requests per second) or the closed model's connections. Built from {@link Stage}s (after the
 * last one the level is 0 and the profile has ended), or as a constant level after an optional
 * linear ramp from 0, which never ends.
 *
 * <p>For a rate it answers the schedule's two questions in closed form, so intended send times
 * never drift, across stage boundaries included: how many requests are intended by offset t (the
 * integral of the rate, {@link #countAt}) and at which offset the n-th is intended (its inverse,
 * {@link #timeOfCount}). A hold at rate R spaces requests by exactly {@code 1e9 / R} ns from the
 * stage's start, which is a whole nanosecond count whenever R divides 10^9.
 *
 * <p>Immutable; thread-safe.
 */
public final class Profile {
    private static final double NANOS_PER_SECOND = 1e9;
    /** An offset that stands for "never": the end of a profile without end. */
    public static final long NEVER = Long.MAX_VALUE;

    private final long[] startNanos;
    private final long[] lengthNanos;
    private final double[] fromLevel;
    private final double[] toLevel;
    /** The integral of the level (level x seconds) before each segment. */
    private final double[] countBefore;
    private final long endNanos;

    private Profile(long[] lengths, double[] from, double[] to, boolean endless) {
        int n = lengths.length;
        this.lengthNanos = lengths;
        this.fromLevel = from;
        this.toLevel = to;
        this.startNanos = new long[n];
        this.countBefore = new double[n];
        long start = 0;
        double count = 0;
        for (int i = 0; i < n; i++) {
            startNanos[i] = start;
            countBefore[i] = count;
            if (i < n - 1 || !endless) {
                start += lengths[i];
                count += (from[i] + to[i]) / 2 * (lengths[i] / NANOS_PER_SECOND);
            }
        }
        this.endNanos = endless ? NEVER : start;
    }

    /** A constant {@code level} after a linear ramp from 0 over {@code rampNanos} (0 = none); never ends. */
    public static Profile constant(double level, long rampNanos) {
        if (rampNanos == 0) {
            return new Profile(new long[] {NEVER}, new double[] {level}, new double[] {level}, true);
        }
        return new Profile(new long[] {rampNanos, NEVER}, new double[] {0, level},
                new double[] {level, level}, true);
    }

    /** The stages one after another, from level 0; the level is 0 after the last. */
    public static Profile of(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a staged profile needs at least one stage");
        }
        int n = stages.size();
        long[] lengths = new long[n];
        double[] from = new double[n];
        double[] to = new double[n];
        double level = 0;
        for (int i = 0; i < n; i++) {
            Stage stage = stages.get(i);
            lengths[i] = stage.duration().toNanos();
            from[i] = stage.ramp() ? level : stage.level();
            to[i] = stage.level();
            level = stage.level();
        }
        return new Profile(lengths, from, to, false);
    }

    /** Where the profile ends ({@link #NEVER} for a constant one). */
    public long endNanos() {
        return endNanos;
    }

    /** True when the level is 0 at the start: the first intended time is then half a step in. */
    public boolean startsAtZero() {
        return fromLevel[0] == 0;
    }

    /** The level at {@code offsetNanos}: 0 before the start and after the end. */
    public double levelAt(long offsetNanos) {
        if (offsetNanos < 0 || offsetNanos >= endNanos) {
            return 0;
        }
        int i = segmentAt(offsetNanos);
        return fromLevel[i] + slope(i) * (offsetNanos - startNanos[i]);
    }

    /** The highest level anywhere in the profile. */
    public double peak() {
        double peak = 0;
        for (int i = 0; i < fromLevel.length; i++) {
            peak = Math.max(peak, Math.max(fromLevel[i], toLevel[i]));
        }
        return peak;
    }

    /**
     * For a rate: the expected number of requests intended before {@code offsetNanos}, the
     * integral of the rate from 0 (it stops growing at the end).
     */
    public double countAt(double offsetNanos) {
        if (offsetNanos <= 0) {
            return 0;
        }
        double t = Math.min(offsetNanos, endNanos);
        int i = segmentAt((long) Math.min(t, Long.MAX_VALUE - 1));
        double tau = t - startNanos[i];
        if (fromLevel[i] == toLevel[i]) {
            return countBefore[i] + (fromLevel[i] == 0 ? 0 : tau / nanosPerCount(i));
        }
        double seconds = tau / NANOS_PER_SECOND;
        return countBefore[i] + fromLevel[i] * seconds
                + (toLevel[i] - fromLevel[i]) * seconds * seconds / (2 * lengthNanos[i] / NANOS_PER_SECOND);
    }

    /**
     * For a rate: the offset (ns) at which the expected count reaches {@code n}, the inverse of
     * {@link #countAt}; {@link Double#POSITIVE_INFINITY} when the profile ends before.
     */
    public double timeOfCount(double n) {
        int i = segmentOfCount(n);
        if (i < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double m = n - countBefore[i];
        double from = fromLevel[i];
        if (from == toLevel[i]) {
            return startNanos[i] + m * nanosPerCount(i);
        }
        // m = from s + k s^2 / 2 with k the slope per second^2; the stable root of that quadratic.
        double k = (toLevel[i] - from) / (lengthNanos[i] / NANOS_PER_SECOND);
        double root = Math.sqrt(Math.max(0, from * from + 2 * k * m));
        double seconds = from + root == 0 ? 0 : 2 * m / (from + root);
        return startNanos[i] + Math.min(seconds * NANOS_PER_SECOND, lengthNanos[i]);
    }

    /** Nanoseconds between requests of a hold: multiplying keeps whole-nanosecond spacings exact. */
    private double nanosPerCount(int i) {
        return NANOS_PER_SECOND / fromLevel[i];
    }

    private double slope(int i) {
        return lengthNanos[i] == NEVER ? 0 : (toLevel[i] - fromLevel[i]) / lengthNanos[i];
    }

    private int segmentAt(long offsetNanos) {
        int i = Arrays.binarySearch(startNanos, offsetNanos);
        return i >= 0 ? i : -i - 2;
    }

    /** The segment in which the count reaches {@code n}, or -1 when it never does. */
    private int segmentOfCount(double n) {
        int last = fromLevel.length - 1;
        for (int i = 0; i < last; i++) {
            if (n < countBefore[i + 1]) {
                return i; // segments that hold level 0 have no count and are never chosen
            }
        }
        if (endNanos == NEVER) {
            return toLevel[last] > 0 ? last : -1;
        }
        return n < countBefore[last] + segmentCount(last) ? last : -1;
    }

    private double segmentCount(int i) {
        return (fromLevel[i] + toLevel[i]) / 2 * (lengthNanos[i] / NANOS_PER_SECOND);
    }
}
