package io.apitune.cli;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.scenario.RunSpec;

/**
 * What {@link RunExecutor#execute} produced.
 *
 * @param spec        the run as configured
 * @param report      exactly the report.json document written (docs/report-schema.md)
 * @param dir         the run directory written
 * @param interrupted true when Ctrl-C ended the run early
 * @param serverStats GET /stats of the reference server after the run, or null for URL targets
 *                    (or when /stats could not be read)
 */
public record RunOutcome(RunSpec spec, ObjectNode report, Path dir, boolean interrupted,
        JsonNode serverStats) {
}
