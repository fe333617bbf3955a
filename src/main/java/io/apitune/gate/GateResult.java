package io.apitune.gate;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /**
     * The entry of a combined report's {@code gates} array (docs/report-schema.md): measured and
     * limit in the displayed unit, null when the report had no number.
     */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("gate", gate);
        node.put("run", run);
        putNumber(node, "measured", measuredDisplay());
        putNumber(node, "limit", limitDisplay());
        node.put("unit", unit());
        node.put("passed", passed);
        return node;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
