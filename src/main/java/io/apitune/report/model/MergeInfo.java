package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * Provenance of a merged run ({@code merged}).
 *
 * @param sources         the interval logs merged
 * @param intervalSeconds length of one interval
 * @param errorsKnown     false when some input had no report.json next to it
 * @param notes           what the merge could not make exact (e.g. version-1 inputs), else empty
 */
public record MergeInfo(List<String> sources, double intervalSeconds, boolean errorsKnown,
        @JsonInclude(Include.NON_EMPTY) List<String> notes) {
}
