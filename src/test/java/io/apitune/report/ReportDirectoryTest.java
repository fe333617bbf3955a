package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run directories and every other output are written whole or not at all. */
class ReportDirectoryTest {
    @TempDir
    Path tmp;

    private static IntervalLog log() {
        IntervalLog log = new IntervalLog(1_000_000L);
        Histogram h = Histograms.newHistogram();
        h.recordValue(5_000_000L);
        h.setStartTimeStamp(1_000_000L);
        h.setEndTimeStamp(1_001_000L);
        log.append(IntervalLog.TAG_LATENCY, h);
        return log;
    }

    private RunReport report() throws IOException {
        Path fixture = ReportFixtures.writeRun(tmp.resolve("fixture"), "a", 1, 2.0, 2, 50, -1, 1_000_000L).dir();
        return Reports.readRun(Reports.file(fixture));
    }

    @Test
    void writesReportLogAndPageThenRenames() throws Exception {
        RunReport report = report();
        Path dir = tmp.resolve("reports/run-a");
        Path written = ReportDirectory.write(dir, report, log());
        assertThat(written).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(Reports.readRun(Reports.file(dir)).name()).isEqualTo("a");
        assertThat(Files.readString(dir.resolve("latency.hlog"))).contains("latency");
        assertThat(dir.resolve("report.html")).isNotEmptyFile();
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            assertThat(siblings).containsExactly(written);
        }
    }

    @Test
    void aFailingWriterLeavesNoDirectoryAndNoTemp() {
        Path dir = tmp.resolve("out/run-b");
        assertThatThrownBy(() -> AtomicFiles.writeDirectory(dir, inside -> {
            Files.writeString(inside.resolve("report.json"), "{}");
            throw new IOException("disk full");
        })).isInstanceOf(ApituneException.class).hasMessageContaining("disk full");
        assertThat(tmp.resolve("out")).isEmptyDirectory();
    }

    @Test
    void refusesToOverwriteAnExistingReport() throws Exception {
        RunReport report = report();
        Path dir = Files.createDirectories(tmp.resolve("run-c"));
        Files.writeString(dir.resolve("report.json"), "{}");
        assertThatThrownBy(() -> ReportDirectory.write(dir, report, log()))
                .isInstanceOf(ApituneException.class).hasMessageContaining("--out")
                .satisfies(e -> assertThat(((ApituneException) e).exitCode()).isEqualTo(2));
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo("{}");
    }

    @Test
    void aFileIsReplacedWholeAndReadableByOthers() throws Exception {
        Path file = tmp.resolve("x/summary.txt");
        AtomicFiles.write(file, "one");
        AtomicFiles.write(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(Files.getPosixFilePermissions(file)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void anOutputPlaceThatCannotHoldADirectoryIsRefusedBeforeAnyRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> ReportDirectory.choose(file.resolve("run"), "r"))
                .isInstanceOf(ApituneException.class)
                .hasMessage("--out: " + file.resolve("run") + " cannot be written (" + file + " is not a directory)")
                .satisfies(e -> assertThat(((ApituneException) e).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> ReportDirectory.choose(file, "r")).hasMessageContaining("is not a directory");
        assertThat(ReportDirectory.choose(tmp.resolve("new/run"), "r")).isEqualTo(tmp.resolve("new/run"));
        assertThat(tmp.resolve("new")).doesNotExist();
    }
}
