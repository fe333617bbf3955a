package io.apitune.gate;

import java.util.Objects;

import io.apitune.report.model.GateVerdict;
import io.apitune.report.model.RoundInterval;

/**
 * The verdict of one gate on one run.
 *
 * @param gate     the gate text
 * @param run      the run the left-hand metric was taken from
 * @param measured the left-hand value in the quantity's native unit (NaN when missing)
 * @param limit    the right-hand value in the same unit
 * @param quantity the kind of number compared
 * @param label    the unit label of {@link Quantity#PLAIN} scores
 * @param outcome  pass or fail by {@code measured OP limit}, or inconclusive (see {@code reason})
 * @param reason   why the gate is inconclusive, else null
 * @param interval with rounds: the median and 95 % interval the outcome was judged on, else null
 */
public record GateResult(String gate, String run, double measured, double limit, Quantity quantity,
        String label, Outcome outcome, String reason, RoundInterval interval) {
    public GateResult {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(outcome, "outcome");
        label = label == null ? "" : label;
    }

    /** The same measurement judged on {@code judged}'s interval. */
    public GateResult withInterval(RoundInterval judged, Outcome judgedOutcome, String why) {
        return new GateResult(gate, run, measured, limit, quantity, label, judgedOutcome, why, judged);
    }

    /** A decided gate: pass when {@code held}, else fail. */
    public GateResult(String gate, String run, double measured, double limit, Quantity quantity,
            String label, boolean held) {
        this(gate, run, measured, limit, quantity, label, held ? Outcome.PASS : Outcome.FAIL, null, null);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** The same measurement, undecided for {@code why}. */
    public GateResult inconclusive(String why) {
        return new GateResult(gate, run, measured, limit, quantity, label, Outcome.INCONCLUSIVE, why,
                interval);
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
                unit(), passed(), outcome.key(), reason, interval);
    }
}
