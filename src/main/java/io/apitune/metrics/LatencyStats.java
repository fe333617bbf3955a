package io.apitune.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Summary statistics of one histogram, in nanoseconds: the percentiles apitune reports everywhere
 * (p50 p75 p90 p99 p99.9 p99.99), max, min, mean and standard deviation. All zero when empty.
 *
 * <p>Immutable; thread-safe.
 */
public record LatencyStats(long count, double meanNanos, long p50Nanos, long p75Nanos,
        long p90Nanos, long p99Nanos, long p999Nanos, long p9999Nanos, long maxNanos,
        long minNanos, double stddevNanos) {

    /** The reported percentiles in order, with the key used in report.json and tables. */
    public static final String[] PERCENTILE_KEYS = {"p50", "p75", "p90", "p99", "p99.9", "p99.99"};

    /** Reads the statistics of {@code histogram} (which must not be written concurrently). */
    public static LatencyStats of(Histogram histogram) {
        long count = histogram.getTotalCount();
        if (count == 0) {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencyStats(count, histogram.getMean(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(75),
                histogram.getValueAtPercentile(90), histogram.getValueAtPercentile(99),
                histogram.getValueAtPercentile(99.9), histogram.getValueAtPercentile(99.99),
                histogram.getMaxValue(), histogram.getMinValue(), histogram.getStdDeviation());
    }

    /** The percentile values keyed like {@link #PERCENTILE_KEYS}, in nanoseconds. */
    public Map<String, Long> percentilesNanos() {
        Map<String, Long> map = new LinkedHashMap<>();
        long[] values = {p50Nanos, p75Nanos, p90Nanos, p99Nanos, p999Nanos, p9999Nanos};
        for (int i = 0; i < values.length; i++) {
            map.put(PERCENTILE_KEYS[i], values[i]);
        }
        return map;
    }
}
