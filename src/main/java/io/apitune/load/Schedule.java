package io.apitune.load;

import java.util.SplittableRandom;

/**
 * Intended send times of the open model, as offsets in nanoseconds from the start of a phase.
 * Times are computed from the start, never from the previous send, so the schedule cannot drift.
 *
 * <p>Arrivals are generated in "expected count" space (request i at count i for constant
 * spacing, or a unit-rate Poisson process) and mapped to time through the inverse of the
 * expected count {@code N(t)}, the integral of the {@link Profile}'s rate: a constant rate, a
 * linear ramp from 0 to it, or stages of holds, steps and ramps. Each request's time is a closed
 * function of its count, so stage boundaries add no error: a hold at R after an earlier stage
 * puts its requests exactly {@code 1e9 / R} ns apart from where the count says.
 *
 * <p>Not thread-safe: one lane owns it.
 */
public final class Schedule {
    private final Profile profile;
    private final int slices;
    private final boolean poisson;
    private final SplittableRandom random;
    /** The expected count of the next request, in counts of the whole schedule. */
    private double count;

    /**
     * Slice {@code slice} of {@code slices} of the schedule of {@code rate}: with constant spacing
     * it holds every {@code slices}-th request of the whole schedule, starting at request
     * {@code slice}, so the slices together are exactly the whole schedule (how lanes and shards
     * share one rate). Poisson slices are independent Poisson processes at the slice's share of
     * the rate, whose sum is a Poisson process at the whole rate.
     *
     * @param rate   the rate over time, requests per second
     * @param slice  0 .. slices - 1
     * @param slices >= 1
     */
    public Schedule(Profile rate, boolean poisson, long seed, int slice, int slices) {
        if (slices < 1 || slice < 0 || slice >= slices) {
            throw new IllegalArgumentException("slice " + slice + " of " + slices);
        }
        this.profile = rate;
        this.slices = slices;
        this.poisson = poisson;
        this.random = new SplittableRandom(seed + slice);
        // A schedule starting at rate 0 (a ramp) starts half a step in, so the first request is
        // not at 0/0.
        double first = rate.startsAtZero() ? 0.5 : 0;
        this.count = poisson ? exponential() * slices : first + slice;
    }

    /**
     * The offset of the next request from the phase start, in nanoseconds; non-decreasing;
     * {@link Profile#NEVER} once the profile has ended.
     */
    public long nextOffsetNanos() {
        double offset = profile.timeOfCount(count);
        count += (poisson ? exponential() : 1.0) * slices;
        return offset >= Profile.NEVER ? Profile.NEVER : (long) offset;
    }

    /**
     * How many requests, the next one included, are intended before {@code offsetNanos}: exact
     * for constant spacing; for Poisson arrivals the expected number (the next one counted if it
     * is due). Does not advance the schedule. Meant for counting requests that will never be
     * sent, however many (a rate of 10^12/s must not be counted one by one).
     */
    public long countBefore(long offsetNanos) {
        if (offsetNanos <= 0 || profile.timeOfCount(count) >= offsetNanos) {
            return 0;
        }
        double remaining = (profile.countAt(offsetNanos) - count) / slices;
        if (poisson) {
            return 1 + (long) Math.max(0, Math.floor(remaining));
        }
        return Math.max(1, (long) Math.ceil(remaining));
    }

    private double exponential() {
        return -Math.log(1.0 - random.nextDouble());
    }
}
