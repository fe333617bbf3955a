package io.apitune.metrics;

import org.HdrHistogram.Histogram;

/**
 * The two figures of a histogram that the generator's verdict on itself compares: how many
 * values, and their 99th percentile, in nanoseconds. (Reports summarise whole distributions in
 * {@code report.model.LatencySummary}.)
 *
 * <p>Immutable; thread-safe.
 */
public record TailStats(long count, long p99Nanos) {
    /** Reads {@code histogram}, which must not be written concurrently; zeros when empty. */
    public static TailStats of(Histogram histogram) {
        long count = histogram.getTotalCount();
        return new TailStats(count, count == 0 ? 0 : histogram.getValueAtPercentile(Percentile.P99.level()));
    }
}
