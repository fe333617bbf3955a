package io.apitune.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one histogram configuration of apitune: values in nanoseconds from 1 µs to 1 h with three
 * significant digits. Every recorder, interval histogram and total uses it, so histograms from any
 * run (or shard) can be added losslessly.
 *
 * <p>Stateless; thread-safe. The recorders it creates are wait-free for concurrent writers.
 */
public final class Histograms {
    /** Smallest value told apart from zero: 1 µs. */
    public static final long LOWEST_DISCERNIBLE_NANOS = 1_000L;
    /** Largest value recorded; larger values are clamped to it: 1 h. */
    public static final long HIGHEST_TRACKABLE_NANOS = 3_600_000_000_000L;
    /** Significant decimal digits kept for every value. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    /** A new wait-free recorder in the shared configuration. */
    public static Recorder newRecorder() {
        return new Recorder(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** A new empty histogram in the shared configuration (single writer). */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_DISCERNIBLE_NANOS, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    }

    /** Clamps a measured value into the trackable range [0, 1 h] so recording never throws. */
    public static long clampNanos(long valueNanos) {
        if (valueNanos < 0) {
            return 0;
        }
        return Math.min(valueNanos, HIGHEST_TRACKABLE_NANOS);
    }
}
