package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One gate on one run, as a combined report stores it.
 *
 * @param measured the measured value in {@code unit}, null when the report had no number
 * @param limit    the limit in {@code unit}, null when it could not be computed
 * @param unit     {@code ms}, {@code /s}, {@code %}, a score's label, or empty for counts
 * @param passed   true only for the outcome {@code pass}
 * @param outcome  {@code pass}, {@code fail} or {@code inconclusive}
 * @param reason   why it is inconclusive, else null
 * @param interval with rounds: the median and confidence interval the outcome was judged on, else null
 */
public record GateVerdict(String gate, String run, Double measured, Double limit, String unit,
        boolean passed, String outcome, @JsonInclude(Include.NON_NULL) String reason,
        @JsonInclude(Include.NON_NULL) RoundInterval interval) {
}
