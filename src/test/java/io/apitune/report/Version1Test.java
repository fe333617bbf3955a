package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.apitune.gate.GateCheck;
import io.apitune.gate.GateParser;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.ReportDocument;
import io.apitune.report.model.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports written by the first release (schemaVersion 1: {@code src/test/resources/v1}, a real run
 * directory, and {@code src/test/resources/golden}, documents written by the pre-refactor code)
 * still render, merge and serve as a baseline, and the output says what a version-1 figure means.
 */
class Version1Test {
    private static final Path V1_RUN = Path.of("src/test/resources/v1/run-async");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path tmp;

    private Path copyOfV1Run() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("v1run"));
        try (Stream<Path> files = Files.list(V1_RUN)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void everyFirstReleaseDocumentIsRead() {
        for (String name : List.of("run-mode.json", "run-url.json", "run-server.json", "compare/report.json")) {
            ReportDocument doc = Reports.read(GOLDEN.resolve(name));
            assertThat(doc.schemaVersion()).as(name).isEqualTo(1);
            assertThat(Reports.versionNote("x", doc)).get().asString().contains("version-1 report");
        }
        RunReport run = Reports.readRun(Reports.file(V1_RUN));
        assertThat(run.results().ok()).isNull();
        assertThat(run.results().generator()).isNull();
        assertThat(run.results().limited()).isFalse();
        assertThat(((CombinedReport) Reports.read(GOLDEN.resolve("compare/report.json"))).gates()).hasSize(3);
    }

    @Test
    void aVersion1RunStillRendersAndMerges() throws IOException {
        Path dir = copyOfV1Run();
        String page = Files.readString(HtmlReport.write(dir));
        assertThat(page).contains("<svg", "async");

        RunReport merged = MergedReport.write(List.of(dir.resolve("latency.hlog")), tmp.resolve("merged"), "m");
        RunReport original = Reports.readRun(Reports.file(dir));
        assertThat(merged.schemaVersion()).isEqualTo(2);
        assertThat(merged.results().requests()).isEqualTo(original.results().requests());
        assertThat(merged.results().ok()).isEqualTo(original.results().requests() - original.results().errors().total());
        assertThat(merged.merged().notes()).singleElement().asString().contains("version-1 report");
        assertThat(tmp.resolve("merged/report.html")).isNotEmptyFile();
    }

    @Test
    void aVersion1RunServesAsBaselineWithANote() throws IOException {
        Path dir = copyOfV1Run();
        RunReport old = Reports.readRun(Reports.file(dir));
        GateCheck check = new GateCheck(List.of(GateParser.parse("p99 <= baseline * 100")),
                Reports.file(dir), null);
        List<GateResult> results = check.evaluate(ReportMetrics.ofRuns(Map.of(old.name(), old)));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
        StringWriter out = new StringWriter();
        check.report(results, new PrintWriter(out), "s");
        assertThat(out.toString()).contains("is a version-1 report: its throughput counts every answer");
    }

    @Test
    void comparingAVersion1RunWithAVersion2RunSaysWhatTheFiguresMean() throws IOException {
        Path v1 = copyOfV1Run();
        Path v2 = Files.createDirectories(tmp.resolve("v2run"));
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) Reports.MAPPER.readTree(Reports.file(v1).toFile());
        doc.put("schemaVersion", 2).put("name", "now");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("results")).put("ok", 1).put("requestRate", 1.0);
        Files.writeString(Reports.file(v2), doc.toPrettyString());
        CompareReport.Result result = CompareReport.write(v1, v2, tmp.resolve("cmp"));
        assertThat(result.notes()).singleElement().asString().contains("version-1 report");
        assertThat(result.deltas()).isNotEmpty();
    }
}
