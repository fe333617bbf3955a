package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The combined report.json of {@code run} ({@code kind} scenario), {@code compare} and
 * {@code capacity}, and of {@code report --compare}: the runs' own documents (each with its
 * {@code dir}) plus what the command adds. Fields a kind does not use are null and not written.
 *
 * <p>Immutable; thread-safe.
 *
 * @param skippedRuns runs this JVM could not execute (scenario, compare)
 * @param modes       the side-by-side table (compare)
 * @param gates       gate verdicts (scenario, compare)
 * @param passed      whether every gate passed (scenario, compare)
 * @param steps       the capacity curve (capacity)
 * @param slo         the SLO as the user wrote it (capacity)
 * @param answer      the highest rate meeting the SLO (capacity)
 * @param rounds      interleaved rounds each run was measured in (scenario, compare), null for one
 * @param ratios      with rounds: each run's ratios to the first run with their intervals (compare)
 * @param findings    one plain sentence per pair of runs: goodput ratio and each slower run's
 *                    theory (compare)
 * @param shard       the shard of a plan this report is (scenario, compare), else null
 * @param deferredGates a shard's gates, as written, left for the merged result; null when not
 *                    a shard
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "kind", "runId", "name", "interrupted", "startTime", "runs",
    "steps", "environment", "skippedRuns", "modes", "findings", "slo", "answer", "gates", "passed",
    "endTime", "files", "rounds", "ratios", "shard", "deferredGates"})
public record CombinedReport(int schemaVersion, String kind, String runId, String name,
        Boolean interrupted, String startTime, List<RunReport> runs, List<CapacityStep> steps,
        EnvironmentInfo environment, List<String> skippedRuns, List<ModeRow> modes, String slo,
        CapacityAnswer answer, List<GateVerdict> gates, Boolean passed, String endTime,
        FileNames files, Integer rounds, List<RatioRow> ratios, List<String> findings,
        ShardInfo shard, List<String> deferredGates)
        implements ReportDocument {

    public static final String SCENARIO = "scenario";
    public static final String COMPARE = "compare";
    public static final String CAPACITY = "capacity";

    public CombinedReport {
        runs = runs == null ? List.of() : List.copyOf(runs);
        findings = findings == null ? null : List.copyOf(findings);
    }

    /** This report as shard {@code shardInfo} of a plan whose gates are left for the merge. */
    public CombinedReport asShard(ShardInfo shardInfo, List<String> gateTexts) {
        return new CombinedReport(schemaVersion, kind, runId, name, interrupted, startTime, runs,
                steps, environment, skippedRuns, modes, slo, answer, gates, passed, endTime, files,
                rounds, ratios, findings, shardInfo, List.copyOf(gateTexts));
    }

    /** The same report with compare's sentences (null or empty: none). */
    public CombinedReport withFindings(List<String> sentences) {
        return new CombinedReport(schemaVersion, kind, runId, name, interrupted, startTime, runs,
                steps, environment, skippedRuns, modes, slo, answer, gates, passed, endTime, files,
                rounds, ratios, sentences == null || sentences.isEmpty() ? null : sentences, shard,
                deferredGates);
    }

    /** The same report recording that its runs were measured in {@code count} rounds. */
    public CombinedReport withRounds(int count, List<RatioRow> ratioRows) {
        return new CombinedReport(schemaVersion, kind, runId, name, interrupted, startTime, runs, steps,
                environment, skippedRuns, modes, slo, answer, gates, passed, endTime, files, count,
                ratioRows, findings, shard, deferredGates);
    }

    /**
     * A scenario or compare report.
     *
     * @param gates  null when the gates were not evaluated (an interrupted plan)
     * @param modes  compare's table, null for a scenario
     */
    public static CombinedReport plan(String kind, String runId, String name, boolean interrupted,
            String startTime, String endTime, List<RunReport> runs, List<String> skippedRuns,
            List<ModeRow> modes, List<GateVerdict> gates) {
        Boolean passed = gates == null ? null : gates.stream().allMatch(GateVerdict::passed);
        return new CombinedReport(SCHEMA_VERSION, kind, runId, name, interrupted, startTime, runs, null,
                environmentOf(runs), skippedRuns, modes, null, null, gates, passed, endTime, null, null, null,
                null, null, null);
    }

    /** A capacity search's report. */
    public static CombinedReport capacity(String runId, String name, boolean interrupted,
            String startTime, String endTime, List<RunReport> runs, List<CapacityStep> steps,
            String slo, CapacityAnswer answer) {
        return new CombinedReport(SCHEMA_VERSION, CAPACITY, runId, name, interrupted, startTime, runs, steps,
                environmentOf(runs), null, null, slo, answer, null, null, endTime, null, null, null, null,
                null, null);
    }

    private static EnvironmentInfo environmentOf(List<RunReport> runs) {
        return runs.isEmpty() ? null : runs.get(0).environment();
    }

    public boolean isInterrupted() {
        return Boolean.TRUE.equals(interrupted);
    }
}
