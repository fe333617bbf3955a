package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * Provenance of a merged run ({@code merged}).
 *
 * @param sources         the interval logs merged
 * @param intervalSeconds length of one interval
 * @param errorsKnown     false when some input had no report.json next to it
 * @param notes           what the merge could not make exact (e.g. version-1 inputs), else empty
 * @param shards          how many shards the run was split into, or null when the inputs were
 *                        not shards of one run
 * @param shardsMissing   the shards whose results are absent: the report is then partial and
 *                        every gate on it inconclusive; empty when none
 */
public record MergeInfo(List<String> sources, double intervalSeconds, boolean errorsKnown,
        @JsonInclude(Include.NON_EMPTY) List<String> notes,
        @JsonInclude(Include.NON_NULL) Integer shards,
        @JsonInclude(Include.NON_EMPTY) List<MissingShard> shardsMissing) {

    public MergeInfo {
        notes = notes == null ? List.of() : List.copyOf(notes);
        shardsMissing = shardsMissing == null ? List.of() : List.copyOf(shardsMissing);
    }

    /** True when shards are missing. */
    @JsonProperty("partial")
    public boolean partial() {
        return !shardsMissing.isEmpty();
    }
}
