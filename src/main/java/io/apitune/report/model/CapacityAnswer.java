package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * The outcome of a capacity search.
 *
 * @param rate                the highest rate that met the SLO, null when none did
 * @param converged           whether the bracket narrowed to within {@code tolerance}
 * @param tolerance           the relative tolerance asked for, 0..1
 * @param generatorLimitedAt  the rate at which the load generator, not the target, became the
 *                            limit and the search stopped; null when it never did
 */
public record CapacityAnswer(Double rate, boolean converged, double tolerance,
        @JsonInclude(Include.NON_NULL) Double generatorLimitedAt) {
}
