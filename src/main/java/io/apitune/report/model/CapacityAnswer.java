package io.apitune.report.model;

/**
 * The outcome of a capacity search.
 *
 * @param rate      the highest rate that met the SLO, null when none did
 * @param converged whether the bracket narrowed to within {@code tolerance}
 * @param tolerance the relative tolerance asked for, 0..1
 */
public record CapacityAnswer(Double rate, boolean converged, double tolerance) {
}
