package io.apitune.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.ErrorCounts;
import io.apitune.report.Reports;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;

/**
 * A {@link RunDriver} for orchestration tests: instead of sending load it writes the report a
 * model predicts (p99 and throughput as functions of the run), into the directory it was given.
 */
final class ModelDriver implements RunDriver {
    private final ToDoubleFunction<RunSpec> p99Ms;
    private final ToDoubleFunction<RunSpec> throughput;
    final List<RunSpec> executed = new ArrayList<>();
    String interruptAt;

    ModelDriver(ToDoubleFunction<RunSpec> p99Ms, ToDoubleFunction<RunSpec> throughput) {
        this.p99Ms = p99Ms;
        this.throughput = throughput;
    }

    @Override
    public RunResult run(RunSpec spec, Path runDir) {
        executed.add(spec);
        double p99 = p99Ms.applyAsDouble(spec);
        boolean interrupted = spec.name().equals(interruptAt);
        double goodput = throughput.applyAsDouble(spec);
        Results results = new Results(1, 1000, 1000L, goodput, goodput, null,
                ErrorTally.of(ErrorCounts.NONE, true), 0.0,
                LatencySummary.ofMillis(Map.of("p50", p99 / 2, "p99", p99, "p99.9", p99 * 1.5, "max", p99 * 2)),
                null, null, null, List.of());
        RunReport report = new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, spec.name(),
                spec.name(), interrupted, null, null, null, null, results, null, FileNames.RUN, null, null);
        try {
            Files.createDirectories(runDir);
            Reports.write(Reports.file(runDir), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        stats.putObject("modes").putObject("cached").put("cacheHits", 90).put("cacheMisses", 10);
        return new RunResult(spec, report, runDir, interrupted, stats);
    }
}
