package io.apitune.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.apitune.ApituneException;
import io.apitune.gate.GateResult;

/**
 * The combined report.json of {@code run}, {@code compare} and {@code capacity}
 * ("Combined files" in docs/report-schema.md): the runs' own documents, the gate results, and
 * whatever the command adds. Written atomically (temp file + rename).
 *
 * <p>Not thread-safe: build on one thread, then {@link #write}.
 */
public final class CombinedReport {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter DIR_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectNode document;

    /**
     * @param kind  {@code scenario}, {@code compare} or {@code capacity}
     * @param runId the directory name, see {@link #runId}
     * @param name  scenario name, or the command's name
     */
    public CombinedReport(String kind, String runId, String name, Instant start) {
        document = JSON.createObjectNode();
        document.put("schemaVersion", 1).put("kind", kind).put("runId", runId).put("name", name)
                .put("interrupted", false).put("startTime", start.toString());
        document.putArray("runs");
    }

    /** A directory name such as {@code 20261127-011500-techniques}. */
    public static String runId(Instant start, String name) {
        return DIR_TIME.format(start) + "-" + name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** The document being built, for command-specific fields ({@code modes}, {@code steps}). */
    public ObjectNode document() {
        return document;
    }

    /** Adds one run's report.json document (and marks the whole as interrupted if it was). */
    public CombinedReport addRun(JsonNode run) {
        ((ArrayNode) document.get("runs")).add(run);
        if (run.path("interrupted").asBoolean(false)) {
            document.put("interrupted", true);
        }
        if (!document.has("environment") && run.has("environment")) {
            document.set("environment", run.get("environment"));
        }
        return this;
    }

    public CombinedReport gates(List<GateResult> results) {
        ArrayNode gates = document.putArray("gates");
        results.forEach(r -> gates.add(r.toJson()));
        document.put("passed", results.stream().allMatch(GateResult::passed));
        return this;
    }

    /** Writes {@code dir/report.json} atomically and returns its path. */
    public Path write(Path dir, Instant end) {
        document.put("endTime", end.toString());
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".report", ".tmp");
            JSON.writeValue(temp.toFile(), document);
            Path file = dir.resolve("report.json");
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw ApituneException.targetFailure("cannot write " + dir.resolve("report.json") + ": "
                    + e.getMessage(), e);
        }
    }
}
