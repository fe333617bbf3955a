package io.apitune.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The percentiles apitune reports everywhere, in order, with the key used in report.json,
 * tables and gates ({@code p99.9}). The one list of them.
 */
public enum Percentile {
    P50("p50", 50),
    P75("p75", 75),
    P90("p90", 90),
    P99("p99", 99),
    P999("p99.9", 99.9),
    P9999("p99.99", 99.99);

    private final String key;
    private final double level;

    Percentile(String key, double level) {
        this.key = key;
        this.level = level;
    }

    /** e.g. {@code p99.9}. */
    public String key() {
        return key;
    }

    /** The percentile level in 0..100, e.g. 99.9. */
    public double level() {
        return level;
    }

    /** Every percentile's key, in order: {@code p50} ... {@code p99.99}. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(Percentile::key).toList();
    }

    /** The percentile whose key is {@code key}, e.g. {@code p99.9}; empty for any other text. */
    public static Optional<Percentile> ofKey(String key) {
        for (Percentile p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
