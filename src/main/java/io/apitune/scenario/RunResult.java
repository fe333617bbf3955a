package io.apitune.scenario;

import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one executed run produced.
 *
 * @param spec        the run as executed
 * @param report      its report.json document (docs/report-schema.md)
 * @param dir         the directory holding report.json and latency.hlog
 * @param interrupted true when Ctrl-C ended it early
 * @param serverStats the reference server's {@code /stats} after the run, or null for URL targets
 */
public record RunResult(RunSpec spec, ObjectNode report, Path dir, boolean interrupted,
        JsonNode serverStats) {
    public RunResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(report, "report");
    }
}
