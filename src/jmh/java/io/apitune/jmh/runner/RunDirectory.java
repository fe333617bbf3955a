package io.apitune.jmh.runner;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.Problems;
import io.apitune.report.AtomicFiles;

/**
 * Creates {@code reports/<yyyyMMdd-HHmmss>-<suffix>/} (UTC) and writes files into it atomically
 * (temp file + rename), so a crash never leaves a half-written file.
 *
 * <p>Stateless; thread-safe (a second run in the same second gets a {@code -2}, {@code -3}... name).
 */
final class RunDirectory {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 100;

    private RunDirectory() {
    }

    static Path create(Path reportsDir, Instant start, String suffix) {
        String base = STAMP.format(start) + "-" + suffix;
        try {
            Files.createDirectories(reportsDir);
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                Path dir = reportsDir.resolve(attempt == 1 ? base : base + "-" + attempt);
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second; try the next name
                }
            }
        } catch (IOException e) {
            throw ApituneException.targetFailure("cannot create a run directory under '" + reportsDir + "': "
                    + e.getMessage(), e);
        }
        throw ApituneException.targetFailure("cannot create a run directory under '" + reportsDir
                + "': " + MAX_ATTEMPTS + " runs named " + base + " already exist", null);
    }

    /** Copies {@code source} to {@code target} atomically (see {@link AtomicFiles#write}). */
    static void copyAtomically(Path source, Path target) {
        try {
            AtomicFiles.write(target, Files.readAllBytes(source));
        } catch (IOException e) {
            throw ApituneException.targetFailure("cannot read '" + source + "' (" + Problems.describe(e) + ")", e);
        }
    }

    /** Removes a run directory that ended up empty (the run failed before writing anything). */
    static void removeIfEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException ignored) {
            // leaving an empty directory behind is harmless
        }
    }
}
