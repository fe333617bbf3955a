package io.apitune.report.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.apitune.metrics.Percentile;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution as report.json stores it, in milliseconds: {@code count}, {@code mean},
 * every {@link Percentile}, {@code max}, {@code min}, {@code stddev}, in that order.
 *
 * <p>Immutable; thread-safe.
 */
public final class LatencySummary {
    /** The statistics a gate or table may name, in display order. */
    public static final List<String> STATISTICS = statistics();

    private final long count;
    private final double meanMs;
    private final double[] percentilesMs;
    private final double maxMs;
    private final double minMs;
    private final double stddevMs;

    private LatencySummary(long count, double meanMs, double[] percentilesMs, double maxMs,
            double minMs, double stddevMs) {
        this.count = count;
        this.meanMs = meanMs;
        this.percentilesMs = percentilesMs;
        this.maxMs = maxMs;
        this.minMs = minMs;
        this.stddevMs = stddevMs;
    }

    /**
     * The summary of a histogram of nanoseconds (all zero when it is empty); null for null (a
     * tag a merged log does not have).
     */
    public static LatencySummary of(Histogram nanos) {
        if (nanos == null) {
            return null;
        }
        double[] percentiles = new double[Percentile.values().length];
        if (nanos.getTotalCount() == 0) {
            return new LatencySummary(0, 0, percentiles, 0, 0, 0);
        }
        for (Percentile p : Percentile.values()) {
            percentiles[p.ordinal()] = nanos.getValueAtPercentile(p.level()) / 1e6;
        }
        return new LatencySummary(nanos.getTotalCount(), nanos.getMean() / 1e6, percentiles,
                nanos.getMaxValue() / 1e6, nanos.getMinValue() / 1e6, nanos.getStdDeviation() / 1e6);
    }

    public long count() {
        return count;
    }

    public double percentileMs(Percentile p) {
        return percentilesMs[p.ordinal()];
    }

    public double maxMs() {
        return maxMs;
    }

    public double minMs() {
        return minMs;
    }

    public double meanMs() {
        return meanMs;
    }

    /**
     * A statistic by its key ({@code p99.9}, {@code max}, {@code count}, ...), or empty when the
     * key names none or the stored document lacks it.
     */
    public Optional<Double> get(String key) {
        Number n = json().get(key);
        return n == null || Double.isNaN(n.doubleValue()) ? Optional.empty() : Optional.of(n.doubleValue());
    }

    @JsonValue
    Map<String, Number> json() {
        Map<String, Number> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("mean", meanMs);
        for (Percentile p : Percentile.values()) {
            map.put(p.key(), percentilesMs[p.ordinal()]);
        }
        map.put("max", maxMs);
        map.put("min", minMs);
        map.put("stddev", stddevMs);
        return map;
    }

    /** From statistics in milliseconds keyed as in report.json; missing ones read as NaN. */
    @JsonCreator
    public static LatencySummary ofMillis(Map<String, ? extends Number> json) {
        double[] percentiles = new double[Percentile.values().length];
        for (Percentile p : Percentile.values()) {
            percentiles[p.ordinal()] = number(json, p.key());
        }
        return new LatencySummary((long) number(json, "count"), number(json, "mean"), percentiles,
                number(json, "max"), number(json, "min"), number(json, "stddev"));
    }

    private static double number(Map<String, ? extends Number> json, String key) {
        Number n = json.get(key);
        return n == null ? Double.NaN : n.doubleValue();
    }

    private static List<String> statistics() {
        List<String> keys = new ArrayList<>(Percentile.keys());
        keys.addAll(List.of("max", "mean", "min"));
        return List.copyOf(keys);
    }
}
