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
    private final double ratePerNano;
    private final double rampNanos;
    private final boolean poisson;
    private final SplittableRandom random;
    private double count;

    /**
     * @param ratePerSecond target rate, > 0
     * @param rampUpNanos   length of the linear ramp from rate 0, >= 0
     * @param poisson       exponential inter-arrival counts instead of even spacing
     * @param seed          random seed of the Poisson process
     */
    public Schedule(double ratePerSecond, long rampUpNanos, boolean poisson, long seed) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.rampNanos = rampUpNanos;
        this.poisson = poisson;
        this.random = new SplittableRandom(seed);
        // Constant spacing with a ramp starts half a step in, so the first request is not at 0/0.
        this.count = poisson ? exponential() : rampUpNanos == 0 ? 0 : 0.5;
    }

    /** The offset of the next request from the phase start, in nanoseconds; non-decreasing. */
    public long nextOffsetNanos() {
        double offset = timeOfCount(count);
        count += poisson ? exponential() : 1.0;
        return (long) offset;
    }

    private double exponential() {
        return -Math.log(1.0 - random.nextDouble());
    }

    private double timeOfCount(double n) {
        double rampCount = ratePerNano * rampNanos / 2;
        if (n < rampCount) {
            return Math.sqrt(2 * rampNanos * n / ratePerNano);
        }
        return rampNanos + (n - rampCount) / ratePerNano;
    }
}
