package io.apitune.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/**
 * The {@code results.latency} / {@code results.serviceTime} block of report.json computed from a
 * nanosecond histogram: count, mean, p50..p99.99, max, min, stddev, in milliseconds.
 *
 * <p>Stateless; thread-safe (the histogram must not be recorded into meanwhile).
 */
public final class LatencySummary {
    private static final double NANOS_PER_MS = 1e6;
    private static final String[] KEYS = {"p50", "p75", "p90", "p99", "p99.9", "p99.99"};
    private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};

    private LatencySummary() {
    }

    public static ObjectNode toJson(Histogram nanos) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        long count = nanos.getTotalCount();
        out.put("count", count);
        out.put("mean", count == 0 ? 0 : nanos.getMean() / NANOS_PER_MS);
        for (int i = 0; i < KEYS.length; i++) {
            out.put(KEYS[i], count == 0 ? 0 : nanos.getValueAtPercentile(PERCENTILES[i]) / NANOS_PER_MS);
        }
        out.put("max", count == 0 ? 0 : nanos.getMaxValue() / NANOS_PER_MS);
        out.put("min", count == 0 ? 0 : nanos.getMinValue() / NANOS_PER_MS);
        out.put("stddev", count == 0 ? 0 : nanos.getStdDeviation() / NANOS_PER_MS);
        return out;
    }
}
