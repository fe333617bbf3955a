package io.apitune.load;

import java.util.SplittableRandom;

/**
 * Intended send times of the open model, as offsets in nanoseconds from the start of a phase.
 * Times are computed from the start, never from the previous send, so the schedule cannot drift.
 *
 * <p>Arrivals are generated in "expected count" space (request i at count i for constant
 * spacing, or a unit-rate Poisson process) and mapped to time through the inverse of the expected
 * count {@code N(t)}: with a linear ramp from 0 to rate R over T, {@code N(t) = R t^2 / 2T} for
 * t < T and {@code R T / 2 + R (t - T)} after, so the ramp applies to Poisson arrivals too.
 *
 * <p>Not thread-safe: one scheduler thread owns it.
 */
public final class Schedule {
    /**
     * Nanoseconds per unit of expected count (1 / rate). Multiplying by it, rather than dividing
     * by a rate per nanosecond, keeps whole-nanosecond spacings exact (20,000/s is exactly
     * 50,000 ns), so the request at the end of a window is never counted into it by rounding.
     */
    private final double nanosPerCount;
    private final double rampNanos;
    private final boolean poisson;
    private final SplittableRandom random;
    /** Steps of the slice, in whole-schedule counts: a slice's times are the whole's, exactly. */
    private final int slices;
    private double count;

    /**
     * @param ratePerSecond target rate, > 0
     * @param rampUpNanos   length of the linear ramp from rate 0, >= 0
     * @param poisson       exponential inter-arrival counts instead of even spacing
     * @param seed          random seed of the Poisson process
     */
    public Schedule(double ratePerSecond, long rampUpNanos, boolean poisson, long seed) {
        this(ratePerSecond, rampUpNanos, poisson, seed, 0, 1);
    }

    /**
     * Slice {@code slice} of {@code slices} of a schedule at {@code ratePerSecond}: with constant
     * spacing it holds every {@code slices}-th request of the whole schedule, starting at request
     * {@code slice}, so the slices together are exactly the whole schedule (how lanes and shards
     * share one rate). Poisson slices are independent Poisson processes at the slice rate, whose
     * sum is a Poisson process at the whole rate.
     *
     * @param slice  0 .. slices - 1
     * @param slices >= 1
     */
    public Schedule(double ratePerSecond, long rampUpNanos, boolean poisson, long seed, int slice,
            int slices) {
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("slice " + slice + " of " + slices);
        }
        this.nanosPerCount = 1e9 / ratePerSecond;
        this.slices = slices;
        this.rampNanos = rampUpNanos;
        this.poisson = poisson;
        this.random = new SplittableRandom(seed + slice);
        // Constant spacing with a ramp starts half a step in, so the first request is not at 0/0.
        double first = rampUpNanos == 0 ? 0 : 0.5;
        this.count = poisson ? slices * exponential() : first * slices + slice;
    }

    /** The offset of the next request from the phase start, in nanoseconds; non-decreasing. */
    public long nextOffsetNanos() {
        double offset = timeOfCount(count);
        count += poisson ? slices * exponential() : slices;
        return (long) offset;
    }

    /**
     * How many requests, the next one included, are intended before {@code offsetNanos}: exact
     * for constant spacing; for Poisson arrivals the expected number (the next one counted if it
     * is due). Does not advance the schedule. Meant for counting requests that will never be
     * sent, however many (a rate of 10^12/s must not be counted one by one).
     */
    public long countBefore(long offsetNanos) {
        if (offsetNanos <= 0 || timeOfCount(count) >= offsetNanos) {
            return 0;
        }
        double remaining = (countAt(offsetNanos) - count) / slices;
        if (poisson) {
            return 1 + (long) Math.max(0, Math.floor(remaining));
        }
        return Math.max(1, (long) Math.ceil(remaining));
    }

    /** The expected count N(t) at offset t: the inverse of {@link #timeOfCount}. */
    private double countAt(double t) {
        if (t < rampNanos) {
            return t * t / (2 * rampNanos * nanosPerCount);
        }
        return rampNanos / (2 * nanosPerCount) + (t - rampNanos) / nanosPerCount;
    }

    private double exponential() {
        return -Math.log(1.0 - random.nextDouble());
    }

    private double timeOfCount(double n) {
        double rampCount = rampNanos / (2 * nanosPerCount);
        if (n < rampCount) {
            return Math.sqrt(2 * rampNanos * n * nanosPerCount);
        }
        return rampNanos + (n - rampCount) * nanosPerCount;
    }
}
