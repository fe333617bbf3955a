package io.apitune.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.ApituneException;
import io.apitune.metrics.IntervalLog;

/**
 * Writes a run directory atomically: {@code report.json} and {@code latency.hlog} go into a
 * hidden temporary sibling, then each finisher (e.g. the HTML report, which reads those two
 * files) adds its files, then the directory is renamed into place. A crash never leaves a half
 * report under the final name.
 *
 * <p>Stateless; thread-safe for distinct target directories.
 */
public final class ReportDirectory {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ReportDirectory() {
    }

    /** The default directory {@code reports/<yyyyMMdd-HHmmss>-<name>} under the working directory. */
    public static Path defaultDir(String name) {
        return Path.of("reports", STAMP.format(LocalDateTime.now()) + "-" + safe(name));
    }

    /** A file-name-safe form of a run name or host. */
    public static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]+", "-");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    /**
     * Fails fast, before a run, when {@code dir} cannot become its report directory.
     *
     * @throws ApituneException exit 2 when it exists and is not an empty directory
     */
    public static void checkUsable(Path dir) {
        try {
            if (Files.exists(dir) && !isEmptyDir(dir)) {
                throw ApituneException.invalidInput("--out: " + dir + " already exists and is not empty");
            }
        } catch (IOException e) {
            throw ApituneException.invalidInput("--out: cannot read " + dir + ": " + e.getMessage());
        }
    }

    /**
     * Writes the directory.
     *
     * @param dir       final directory; must not exist yet (or be empty)
     * @param report    the report.json document
     * @param log       the interval log
     * @param finishers each receives the temporary directory and may add files to it
     * @throws ApituneException exit 3 when the directory cannot be written
     */
    public static Path write(Path dir, ObjectNode report, IntervalLog log,
            List<Consumer<Path>> finishers) {
        Path target = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            checkUsable(target);
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            ReportJson.MAPPER.writeValue(tmp.resolve("report.json").toFile(), report);
            log.writeTo(tmp.resolve(ReportJson.HLOG_FILE));
            for (Consumer<Path> finisher : finishers) {
                finisher.accept(tmp);
            }
            Files.deleteIfExists(target);
            move(tmp, target);
            return target;
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(tmp);
            throw ApituneException.targetFailure("cannot write report directory " + dir + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, target);
        }
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a leftover hidden temp directory is harmless.
        }
    }
}
