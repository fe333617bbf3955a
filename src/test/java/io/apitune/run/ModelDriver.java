package io.apitune.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.ErrorCounts;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.Reports;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;

/**
 * A {@link RunDriver} for orchestration tests: instead of sending load it writes the report a
 * model predicts (p99 and throughput as functions of the run), into the directory it was given,
 * with a latency.hlog whose p99 is the model's. In rounds, the k-th round of a run has its p99
 * multiplied by {@code roundFactors.get(run)[k % length]}; the calls of a run numbered in
 * {@code limitedCalls} (0-based) report that the generator limited them.
 */
final class ModelDriver implements RunDriver {
    private final ToDoubleFunction<RunSpec> p99Ms;
    private final ToDoubleFunction<RunSpec> throughput;
    final List<RunSpec> executed = new ArrayList<>();
    final Map<String, double[]> roundFactors = new HashMap<>();
    final List<String> opened = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    final List<String> warmed = new ArrayList<>();
    boolean stopWarmUp;
    private final Map<String, Integer> calls = new HashMap<>();
    String interruptAt;
    final Map<String, Set<Integer>> limitedCalls = new HashMap<>();

    ModelDriver(ToDoubleFunction<RunSpec> p99Ms, ToDoubleFunction<RunSpec> throughput) {
        this.p99Ms = p99Ms;
        this.throughput = throughput;
    }

    @Override
    public RoundTarget open(RunSpec spec) {
        opened.add(spec.name());
        RoundTarget rounds = RunDriver.super.open(spec);
        return new RoundTarget() {
            @Override
            public boolean warm(RunSpec warm) {
                warmed.add(warm.name());
                return !stopWarmUp;
            }

            @Override
            public RunResult round(RunSpec round, Path roundDir) {
                return rounds.round(round, roundDir);
            }

            @Override
            public void close() {
                closed.add(spec.name());
            }
        };
    }

    @Override
    public RunResult run(RunSpec spec, Path runDir) {
        executed.add(spec);
        int call = calls.merge(spec.name(), 1, Integer::sum) - 1;
        double[] factors = roundFactors.getOrDefault(spec.name(), new double[] {1});
        double p99 = p99Ms.applyAsDouble(spec) * factors[call % factors.length];
        boolean interrupted = spec.name().equals(interruptAt);
        double goodput = throughput.applyAsDouble(spec);
        Results results = new Results(1, 1000, 1000L, goodput, goodput, null,
                ErrorTally.of(ErrorCounts.NONE, true), 0.0,
                LatencySummary.ofMillis(Map.of("p50", p99 / 2, "p99", p99, "p99.9", p99 * 1.5, "max", p99 * 2)),
                null, null, limitedCalls.getOrDefault(spec.name(), Set.of()).contains(call)
                        ? GeneratorInfo.merged(null, List.of("stalled"), "its I/O thread was stalled (model)")
                        : null, List.of());
        long startMs = 1_800_000_000_000L + 10_000L * executed.size();
        RunReport report = new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, spec.name(),
                spec.name(), interrupted, Instant.ofEpochMilli(startMs).toString(),
                Instant.ofEpochMilli(startMs + 1000).toString(), null, null, results, null, FileNames.RUN,
                null, null);
        try {
            Files.createDirectories(runDir);
            Reports.write(Reports.file(runDir), report);
            Files.write(runDir.resolve(FileNames.HLOG), hlog(startMs, p99).bytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        stats.putObject("modes").putObject("cached").put("cacheHits", 90).put("cacheMisses", 10);
        return new RunResult(spec, report, runDir, interrupted, stats);
    }

    /** One interval of 1000 values: 980 at p99 / 2, 20 at p99, so its p99 is the model's. */
    private static IntervalLog hlog(long startMs, double p99Ms) {
        Histogram h = Histograms.newHistogram();
        h.recordValueWithCount(Math.round(p99Ms * 1e6 / 2), 980);
        h.recordValueWithCount(Math.round(p99Ms * 1e6), 20);
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(startMs + 1000);
        IntervalLog log = new IntervalLog(startMs);
        log.append(IntervalLog.TAG_LATENCY, h);
        return log;
    }
}
