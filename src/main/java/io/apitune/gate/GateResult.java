package io.apitune.gate;

import java.util.Objects;

import io.apitune.report.model.GateVerdict;

/**
 * The verdict of one gate on one run.
 *
 * @param gate     the gate text
 * @param run      the run the left-hand metric was taken from
 * @param measured the left-hand value in the quantity's native unit (NaN when missing)
 * @param limit    the right-hand value in the same unit
 * @param quantity the kind of number compared
 * @param label    the unit label of {@link Quantity#PLAIN} scores
 * @param passed   whether {@code measured OP limit} held
 */
public record GateResult(String gate, String run, double measured, double limit, Quantity quantity,
        String label, boolean passed) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(quantity, "quantity");
        label = label == null ? "" : label;
    }

    /** The unit of {@link #measuredDisplay()} and {@link #limitDisplay()}: ms, /s, %, or a label. */
    public String unit() {
        return quantity.label(label);
    }

    /** The measured value as shown: percentages for fractions, else the native value. */
    public double measuredDisplay() {
        return quantity.display(measured);
    }

    public double limitDisplay() {
        return quantity.display(limit);
    }

    /** The entry of a combined report's {@code gates} list, in the displayed unit. */
    public GateVerdict toVerdict() {
        double m = measuredDisplay();
        double l = limitDisplay();
        return new GateVerdict(gate, run, Double.isFinite(m) ? m : null, Double.isFinite(l) ? l : null,
                unit(), passed);
    }
}
