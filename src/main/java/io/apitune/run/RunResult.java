package io.apitune.run;

import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.report.model.RunReport;

/**
 * What one executed run produced.
 *
 * @param spec        the run as executed
 * @param report      its report, exactly as written to report.json
 * @param dir         the directory holding report.json and latency.hlog
 * @param interrupted true when Ctrl-C ended it early
 * @param serverStats the reference server's {@code /stats} after the run, or null for URL
 *                    targets (or when it could not be read)
 */
public record RunResult(RunSpec spec, RunReport report, Path dir, boolean interrupted,
        JsonNode serverStats) {
    public RunResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(report, "report");
    }
}
