package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One interval (1 s) of a run's timeline.
 *
 * @param t        start of the interval, seconds from measurement start
 * @param requests requests completed in it (OK and KO)
 * @param ok       OK answers in it; null in a version-1 report
 * @param errors   KO requests in it by kind (no total)
 * @param targetRate open model: the rate the plan asked for in it (the mean of a ramp over the
 *                 interval), beside the achieved {@code requests}; null (absent) in the closed
 *                 model
 * @param targetConnections closed model with stages: the connections the plan asked for in it
 *                 (their mean over the interval); else null (absent)
 */
public record TimelinePoint(double t, long requests, @JsonInclude(Include.NON_NULL) Long ok,
        ErrorTally errors, @JsonInclude(Include.NON_NULL) Double targetRate,
        @JsonInclude(Include.NON_NULL) Double targetConnections) {

    /** An entry without a plan beside it (a merged or version-1 report). */
    public TimelinePoint(double t, long requests, Long ok, ErrorTally errors) {
        this(t, requests, ok, errors, null, null);
    }
}
