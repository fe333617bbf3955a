package io.apitune.report.model;

/**
 * One gate on one run, as a combined report stores it.
 *
 * @param measured the measured value in {@code unit}, null when the report had no number
 * @param limit    the limit in {@code unit}, null when it could not be computed
 * @param unit     {@code ms}, {@code /s}, {@code %}, a score's label, or empty for counts
 */
public record GateVerdict(String gate, String run, Double measured, Double limit, String unit,
        boolean passed) {
}
