package io.apitune.report.model;

/**
 * One ratio of {@code compare} with rounds ({@code ratios} of the combined report), or of
 * {@code report --compare}: {@code run.metric / against.metric} with its median and interval.
 *
 * @param run     the run on top of the ratio
 * @param against the run below it (compare: the first run)
 * @param metric  e.g. {@code throughput}, {@code p99}
 */
public record RatioRow(String run, String against, String metric, RoundInterval interval) {
}
