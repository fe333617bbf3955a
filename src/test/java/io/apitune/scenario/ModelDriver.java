package io.apitune.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link RunDriver} for orchestration tests: instead of sending load it writes the report a
 * model predicts (p99 and throughput as functions of the run), into the directory it was given.
 */
final class ModelDriver implements RunDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
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
        ObjectNode doc = JSON.createObjectNode();
        doc.put("schemaVersion", 1).put("kind", "run").put("name", spec.name())
                .put("interrupted", spec.name().equals(interruptAt));
        ObjectNode results = doc.putObject("results");
        double p99 = p99Ms.applyAsDouble(spec);
        results.put("throughput", throughput.applyAsDouble(spec)).put("requests", 1000)
                .put("errorRate", 0.0);
        results.putObject("errors").put("total", 0);
        results.putObject("latency").put("p50", p99 / 2).put("p99", p99).put("p99.9", p99 * 1.5)
                .put("max", p99 * 2);
        try {
            Files.createDirectories(runDir);
            JSON.writeValue(runDir.resolve("report.json").toFile(), doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ObjectNode stats = JSON.createObjectNode();
        stats.putObject("modes").putObject("cached").put("cacheHits", 90).put("cacheMisses", 10);
        return new RunResult(spec, doc, runDir, spec.name().equals(interruptAt), stats);
    }
}
