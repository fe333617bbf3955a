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
 */
public record TimelinePoint(double t, long requests, @JsonInclude(Include.NON_NULL) Long ok,
        ErrorTally errors) {
}
