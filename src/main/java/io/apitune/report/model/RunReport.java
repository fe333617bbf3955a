package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The report.json of one run ({@code kind} = {@code run}); docs/report-schema.md.
 *
 * <p>Immutable; thread-safe.
 *
 * @param startTime ISO-8601 UTC, start of measurement (after warm-up)
 * @param target    null in a merged report
 * @param config    null in a merged report
 * @param merged    provenance of a merged report, else null
 * @param dir       inside a combined report: the run's directory relative to it, else null
 * @param abortedBy the gate (as written) that failed on its sliding window and stopped the run
 *                  early, else null (absent); the report holds what was measured until then
 * @param rounds    a run measured in interleaved rounds: one entry per round (the run's results
 *                  are all rounds merged); null for a single run
 * @param shard     the shard of a run this report is, else null
 * @param theory    for a run against a reference-server mode: the bound its configuration
 *                  gives and the fraction of it measured; else null
 */
@JsonPropertyOrder({"schemaVersion", "kind", "runId", "name", "interrupted", "abortedBy", "startTime",
    "endTime", "target", "config", "results", "theory", "environment", "files", "merged", "dir", "rounds",
    "shard"})
public record RunReport(int schemaVersion, String kind, String runId, String name,
        boolean interrupted, String startTime, String endTime, TargetInfo target, LoadInfo config,
        Results results, EnvironmentInfo environment, FileNames files,
        @JsonInclude(Include.NON_NULL) MergeInfo merged, @JsonInclude(Include.NON_NULL) String dir,
        @JsonInclude(Include.NON_NULL) String abortedBy,
        @JsonInclude(Include.NON_NULL) List<RoundResult> rounds,
        @JsonInclude(Include.NON_NULL) TheoryInfo theory,
        @JsonInclude(Include.NON_NULL) ShardInfo shard)
        implements ReportDocument {

    /** True when this is a merged report with shards missing: its gates are inconclusive. */
    public boolean partial() {
        return merged != null && !merged.shardsMissing().isEmpty();
    }

    public static final String KIND = "run";

    public RunReport {
        rounds = rounds == null ? null : List.copyOf(rounds);
    }

    /** True when the run was measured in rounds (at least two). */
    public boolean hasRounds() {
        return rounds != null && rounds.size() > 1;
    }

    /** This run as an entry of a combined report, stored in {@code runDir}. */
    public RunReport withDir(String runDir) {
        return new RunReport(schemaVersion, kind, runId, name, interrupted, startTime, endTime,
                target, config, results, environment, files, merged, runDir, abortedBy, rounds, theory,
                shard);
    }

    /** The same report with its theory block. */
    public RunReport withTheory(TheoryInfo value) {
        return new RunReport(schemaVersion, kind, runId, name, interrupted, startTime, endTime,
                target, config, results, environment, files, merged, dir, abortedBy, rounds, value,
                shard);
    }
}
