package io.apitune.report.model;

/**
 * One interval (1 s) of a run's timeline.
 *
 * @param t        start of the interval, seconds from measurement start
 * @param requests requests completed in it (responses and failures)
 * @param errors   failed requests in it by kind (no total)
 */
public record TimelinePoint(double t, long requests, ErrorTally errors) {
}
