package io.apitune.gate;

import java.util.Objects;

/**
 * One metric value as a resolver found it.
 *
 * @param value    in the quantity's native unit (ms, per second, fraction 0..1, count, score);
 *                 NaN when only the name was checked (validation before any load is sent)
 * @param quantity what kind of number it is
 * @param label    unit label for {@link Quantity#PLAIN} scores, e.g. {@code ns/op}; else empty
 */
public record Measured(double value, Quantity quantity, String label) {
    public Measured {
        Objects.requireNonNull(quantity, "quantity");
        label = label == null ? "" : label;
    }

    public static Measured of(double value, Quantity quantity) {
        return new Measured(value, quantity, "");
    }
}
