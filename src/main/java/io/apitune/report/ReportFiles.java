package io.apitune.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.apitune.ApituneException;

/**
 * Reading {@code report.json} documents and writing report files atomically (temp file + rename),
 * so that a crash never leaves half a report behind.
 *
 * <p>Stateless; thread-safe (the shared ObjectMapper is thread-safe once configured).
 */
public final class ReportFiles {
    static final String REPORT_JSON = "report.json";
    static final String REPORT_HTML = "report.html";
    static final String LATENCY_HLOG = "latency.hlog";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /**
     * @throws ApituneException exit 2 when the file is missing, not JSON, or not schemaVersion 1
     */
    static JsonNode readReport(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ApituneException.invalidInput(file + ": no such report (expected a run directory with "
                    + REPORT_JSON + ")");
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw ApituneException.invalidInput(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw ApituneException.invalidInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (doc == null || !doc.isObject()) {
            throw ApituneException.invalidInput(file + ": not a report.json object");
        }
        int version = doc.path("schemaVersion").asInt(-1);
        if (version != 1) {
            throw ApituneException.invalidInput(file + ": schemaVersion " + doc.path("schemaVersion")
                    + " is not supported (expected 1)");
        }
        return doc;
    }

    /** Writes text to {@code target} through a temp file in the same directory and a rename. */
    static void writeAtomically(Path target, String text) {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target} through a temp file in the same directory and a
     * rename, so readers see the old file or the whole new one, never a half-written file.
     *
     * @throws io.apitune.ApituneException exit 3 when the file cannot be written
     */
    public static void writeAtomically(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw ApituneException.targetFailure("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static void writeJson(Path target, JsonNode doc) {
        try {
            writeAtomically(target, JSON.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the write already failed and that is what the user hears about
            }
        }
    }
}
