package io.apitune.gate;

import java.util.Locale;

/**
 * What kind of number a metric is, which decides the literals a gate may compare it with and how
 * values are shown. Native units: milliseconds, requests per second, a fraction 0..1, a count, or
 * a plain score whose unit is only a label (JMH scores such as {@code ns/op}).
 */
public enum Quantity {
    /** Latency in milliseconds; compared with duration literals ({@code 25ms}, {@code 1.5s}). */
    DURATION_MS,
    /** A rate per second; compared with {@code 900/s} or a bare number. */
    RATE_PER_SECOND,
    /** A fraction 0..1, shown as a percentage; compared with {@code 0.1%} or a bare fraction. */
    FRACTION,
    /** A count; compared with a bare number. */
    COUNT,
    /** A score with a free-form unit label; compared with a bare number. */
    PLAIN;

    /** The value as shown in tables and reports (fractions become percentages). */
    public double display(double nativeValue) {
        return this == FRACTION ? nativeValue * 100 : nativeValue;
    }

    /** The unit shown next to a displayed value. */
    public String label(String plainLabel) {
        return switch (this) {
            case DURATION_MS -> "ms";
            case RATE_PER_SECOND -> "/s";
            case FRACTION -> "%";
            case COUNT -> "";
            case PLAIN -> plainLabel == null ? "" : plainLabel;
        };
    }

    /** Text of a native value with its unit, e.g. {@code 12.345ms}, {@code 0.100%}, {@code 950.0/s}. */
    public String format(double nativeValue, String plainLabel) {
        double shown = display(nativeValue);
        return switch (this) {
            case DURATION_MS, FRACTION -> String.format(Locale.ROOT, "%.3f%s", shown, label(null));
            case RATE_PER_SECOND -> String.format(Locale.ROOT, "%.1f/s", shown);
            case COUNT -> String.format(Locale.ROOT, "%.0f", shown);
            case PLAIN -> String.format(Locale.ROOT, "%.4g%s", shown,
                    plainLabel == null || plainLabel.isEmpty() ? "" : " " + plainLabel);
        };
    }
}
