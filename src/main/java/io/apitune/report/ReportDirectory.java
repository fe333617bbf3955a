package io.apitune.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.Problems;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.RunReport;

/**
 * A run directory: {@code report.json}, {@code latency.hlog} and {@code report.html}, written
 * together through {@link AtomicFiles#writeDirectory}, so a crash never leaves a half report
 * under the final name.
 *
 * <p>Stateless; thread-safe for distinct directories.
 */
public final class ReportDirectory {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ReportDirectory() {
    }

    /** {@code reports/<yyyyMMdd-HHmmss>-<name>} under the working directory. */
    public static Path defaultDir(String name) {
        return Path.of("reports", STAMP.format(LocalDateTime.now()) + "-" + safe(name));
    }

    /** A file-name-safe form of a run name or host. */
    public static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_.-]+", "-");
        return cleaned.isEmpty() ? "run" : cleaned;
    }

    /**
     * {@code out} when given, else the default directory for {@code name}; it must be new or an
     * empty directory, in a place this process can write. Call before any load is sent.
     *
     * @throws ApituneException exit 2 when it holds files, is not a directory, or cannot be written
     */
    public static Path choose(Path out, String name) {
        Path dir = out != null ? out : defaultDir(name);
        String what = out != null ? "--out: " + out : "report directory " + dir;
        try {
            Path existing = dir.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.equals(dir.toAbsolutePath()) && !Files.isDirectory(existing)) {
                throw ApituneException.invalidInput(what + " cannot be written (" + existing
                        + " is not a directory)");
            }
            if (existing != null && Files.isDirectory(existing) && !Files.isWritable(existing)) {
                throw ApituneException.invalidInput(what + " cannot be written (" + existing
                        + " is not writable)");
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw ApituneException.invalidInput(what + " is not a directory");
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw ApituneException.invalidInput(what + " already exists and is not empty");
                    }
                }
            }
        } catch (IOException e) {
            throw ApituneException.invalidInput(what + " cannot be read (" + Problems.describe(e) + ")");
        }
        return dir;
    }

    /**
     * Writes the run directory: report.json, the interval log, then the HTML page from them.
     *
     * @throws ApituneException exit 2 when {@code dir} is not empty; exit 3 when it cannot be written
     */
    public static Path write(Path dir, RunReport report, IntervalLog log) {
        return write(dir, report, log, true);
    }

    /**
     * As {@link #write(Path, RunReport, IntervalLog)}; without {@code page} no report.html is
     * written (a round of a run, whose page is the run's; {@code apitune report DIR} makes one).
     */
    public static Path write(Path dir, RunReport report, IntervalLog log, boolean page) {
        choose(dir, report.name());
        return AtomicFiles.writeDirectory(dir, tmp -> {
            Files.write(Reports.file(tmp), Reports.bytes(report));
            Files.write(tmp.resolve(FileNames.HLOG), log.bytes());
            if (page) {
                HtmlReport.write(tmp);
            }
        });
    }
}
