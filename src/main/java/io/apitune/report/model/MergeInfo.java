package io.apitune.report.model;

import java.util.List;

/**
 * Provenance of a merged run ({@code merged}).
 *
 * @param sources         the interval logs merged
 * @param intervalSeconds length of one interval
 * @param errorsKnown     false when some input had no report.json next to it
 */
public record MergeInfo(List<String> sources, double intervalSeconds, boolean errorsKnown) {
}
