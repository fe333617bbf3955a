package io.apitune.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apitune.ApituneException;
import io.apitune.Problems;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.ReportDocument;
import io.apitune.report.model.RunReport;

/**
 * Reads and writes report.json documents through the typed model (docs/report-schema.md). The
 * one place that knows the schema version.
 *
 * <p>Stateless; thread-safe (the mapper is configured once).
 */
public final class Reports {
    /** Version of the report.json format this release writes. */
    public static final int SCHEMA_VERSION = ReportDocument.SCHEMA_VERSION;
    /** The mapper of every report document (pretty-printed, lenient about unknown fields). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Reports() {
    }

    /** {@code dir/report.json}. */
    public static Path file(Path dir) {
        return dir.resolve(FileNames.JSON);
    }

    /**
     * Reads a report.json of any kind.
     *
     * @throws ApituneException exit 2 when the file is missing, not JSON, of an unknown version
     *                          or kind, or has no results
     */
    public static ReportDocument read(Path file) {
        JsonNode tree = tree(file);
        String kind = tree.path("kind").asText(RunReport.KIND);
        try {
            if (kind.equals(RunReport.KIND)) {
                if (!tree.path("results").isObject()) {
                    throw ApituneException.invalidInput(file + ": a run report without results");
                }
                for (String field : new String[] {"durationSeconds", "requests"}) {
                    if (!tree.path("results").path(field).isNumber()) {
                        throw ApituneException.invalidInput(file + ": a run report whose results lack "
                                + "a number for " + field);
                    }
                }
                return MAPPER.treeToValue(tree, RunReport.class);
            }
            if (kind.equals(CombinedReport.SCENARIO) || kind.equals(CombinedReport.COMPARE)
                    || kind.equals(CombinedReport.CAPACITY)) {
                return MAPPER.treeToValue(tree, CombinedReport.class);
            }
        } catch (JsonMappingException e) {
            throw ApituneException.invalidInput(file + ": not a report.json (" + where(e)
                    + " holds a value of the wrong type)");
        } catch (JsonProcessingException e) {
            throw ApituneException.invalidInput(file + ": not a report.json (unreadable content)");
        }
        throw ApituneException.invalidInput(file + ": unknown kind '" + kind
                + "' (expected run, scenario, compare or capacity)");
    }

    /** The field a mapping failed at, e.g. {@code results.latency}; Jackson's own text names Java types. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "the document" : "field " + path;
    }

    /** Reads a report.json that must be a single run's. */
    public static RunReport readRun(Path file) {
        if (read(file) instanceof RunReport run) {
            return run;
        }
        throw ApituneException.invalidInput(file + ": a combined report, expected one run's");
    }

    private static JsonNode tree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ApituneException.invalidInput("cannot read " + file + " (no such report; expected "
                    + "a run directory with " + FileNames.JSON + ")");
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw ApituneException.invalidInput(file + ": not valid JSON ("
                    + e.getOriginalMessage().split("\n")[0] + ")");
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read " + file + " (" + Problems.describe(e) + ")");
        }
        if (doc == null || !doc.isObject()) {
            throw ApituneException.invalidInput(file + " is not a report.json");
        }
        int version = doc.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION && version != ReportDocument.VERSION_1) {
            throw ApituneException.invalidInput(file + ": schemaVersion " + doc.path("schemaVersion")
                    + " is not supported (expected " + ReportDocument.VERSION_1 + " or "
                    + SCHEMA_VERSION + ")");
        }
        return doc;
    }

    /**
     * What a version-1 figure means beside a version-2 one, for output that puts them side by side;
     * empty when both are of this release's version.
     */
    public static java.util.Optional<String> versionNote(String name, ReportDocument doc) {
        if (doc.schemaVersion() != ReportDocument.VERSION_1) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("note: " + name + " is a version-1 report: its throughput counts "
                + "every answer, failed ones too, and its latency percentiles include failed requests; "
                + "version 2 counts OK answers only (goodput, OK latency)");
    }

    /** Writes a document to {@code file} atomically. */
    public static void write(Path file, ReportDocument doc) {
        AtomicFiles.write(file, bytes(doc));
    }

    /** The document's JSON text. */
    public static byte[] bytes(ReportDocument doc) {
        try {
            return MAPPER.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report model not serialisable", e);
        }
    }
}
