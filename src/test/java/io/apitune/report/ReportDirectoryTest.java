package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.ApituneException;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run directory appears complete or not at all; finishers write inside it first. */
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

    @Test
    void writesReportLogAndFinisherFilesThenRenames() throws Exception {
        ObjectNode report = ReportJson.MAPPER.createObjectNode().put("schemaVersion", 1);
        Path dir = tmp.resolve("reports/run-a");
        Path written = ReportDirectory.write(dir, report, log(), List.of(inside -> {
            assertThat(inside.resolve("report.json")).exists();
            assertThat(inside.resolve("latency.hlog")).exists();
            assertThat(inside.getFileName().toString()).startsWith(".run-a.tmp-");
            write(inside.resolve("report.html"), "<html></html>");
        }));
        assertThat(written).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(ReportJson.MAPPER.readTree(dir.resolve("report.json").toFile())
                .get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("latency.hlog"))).contains("latency");
        assertThat(dir.resolve("report.html")).exists();
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            assertThat(siblings).containsExactly(written);
        }
    }

    @Test
    void aFailingFinisherLeavesNoDirectoryAndNoTemp() throws Exception {
        Path dir = tmp.resolve("run-b");
        assertThatThrownBy(() -> ReportDirectory.write(dir, ReportJson.MAPPER.createObjectNode(),
                log(), List.of(inside -> {
                    throw new UncheckedIOException(new IOException("disk full"));
                }))).isInstanceOf(ApituneException.class).hasMessageContaining("disk full");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void refusesToOverwriteAnExistingReport() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("run-c"));
        write(dir.resolve("report.json"), "{}");
        assertThatThrownBy(() -> ReportDirectory.write(dir, ReportJson.MAPPER.createObjectNode(),
                log(), List.of()))
                .isInstanceOf(ApituneException.class).hasMessageContaining("--out");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
