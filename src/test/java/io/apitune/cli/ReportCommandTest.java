package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.report.ReportTestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final long START_MS = 1_795_000_000_000L;

    @TempDir
    Path tmp;

    private Cli.Result last = new Cli.Result(-1, "", "");

    private int run(String... args) {
        last = Cli.run(args);
        return last.exitCode();
    }

    @Test
    void regeneratesHtmlForEachDirectory() throws IOException {
        Path a = ReportTestRuns.write(tmp.resolve("a"), "a", 1, 2.0, START_MS);
        Path b = ReportTestRuns.write(tmp.resolve("b"), "b", 2, 3.0, START_MS);
        Files.deleteIfExists(a.resolve("report.html"));

        int code = run("report", a.toString(), b.toString());

        assertThat(code).as(last.err()).isZero();
        assertThat(a.resolve("report.html")).isNotEmptyFile();
        assertThat(last.out()).contains("wrote " + a.resolve("report.html"), "wrote " + b.resolve("report.html"));
    }

    @Test
    void compareprintsPercentileDeltasAndWritesAPage() throws IOException {
        Path slow = ReportTestRuns.write(tmp.resolve("slow"), "blocking", 3, 8.0, START_MS);
        Path fast = ReportTestRuns.write(tmp.resolve("fast"), "async", 4, 2.0, START_MS);

        int code = run("report", "--compare", slow.toString(), fast.toString());

        assertThat(code).as(last.err()).isZero();
        String text = last.out();
        assertThat(text).containsPattern("(?m)^ms\\s+blocking\\s+async\\s+Δ ms\\s+Δ %$");
        assertThat(text).containsPattern("(?m)^p99\\s+[0-9.]+\\s+[0-9.]+\\s+-[0-9.]+\\s+-[0-9.]+%$");
        Path page = tmp.resolve("compare-slow-vs-fast");
        assertThat(text).contains("wrote " + page.resolve("report.html"));
        JsonNode doc = new ObjectMapper().readTree(page.resolve("report.json").toFile());
        assertThat(doc.path("kind").asText()).isEqualTo("compare");
        assertThat(doc.path("runs").get(0).path("dir").asText()).isEqualTo("../slow");
        assertThat(Files.readString(page.resolve("report.html"))).contains("blocking p99", "async p99");
    }

    @Test
    void compareWritesWhereOutSays() throws IOException {
        Path a = ReportTestRuns.write(tmp.resolve("a"), "a", 5, 2.0, START_MS);
        Path b = ReportTestRuns.write(tmp.resolve("b"), "b", 6, 2.0, START_MS);

        assertThat(run("report", "--compare", a.toString(), b.toString(), "--out", tmp.resolve("x/y").toString()))
                .isZero();
        assertThat(tmp.resolve("x/y/report.html")).isNotEmptyFile();
    }

    @Test
    void mergeWritesAMergedReport() throws IOException {
        Path a = ReportTestRuns.write(tmp.resolve("a"), "a", 7, 2.0, START_MS);
        Path b = ReportTestRuns.write(tmp.resolve("b"), "b", 8, 2.0, START_MS + 500);

        int code = run("report", "merge", a.resolve("latency.hlog").toString(), b.resolve("latency.hlog").toString(),
                "--out", tmp.resolve("merged").toString(), "--name", "two-shards");

        assertThat(code).as(last.err()).isZero();
        assertThat(last.out()).containsPattern("merged 2 logs: \\d+ requests in \\d+ s, latency p50 [0-9.]+ ms");
        JsonNode doc = new ObjectMapper().readTree(tmp.resolve("merged/report.json").toFile());
        assertThat(doc.path("name").asText()).isEqualTo("two-shards");
        assertThat(tmp.resolve("merged/latency.hlog")).isNotEmptyFile();
        assertThat(tmp.resolve("merged/report.html")).isNotEmptyFile();
    }

    @Test
    void invalidInputIsOneLineAndExitTwo() throws IOException {
        Path a = ReportTestRuns.write(tmp.resolve("a"), "a", 9, 2.0, START_MS);
        String[][] cases = {
            {"report"},
            {"report", tmp.resolve("missing").toString()},
            {"report", "--compare", a.toString()},
            {"report", "--compare", a.toString(), tmp.resolve("missing").toString()},
            {"report", "--out", "x", a.toString()},
            {"report", a.toString(), "--compare", a.toString(), a.toString()},
            {"report", "merge", a.resolve("latency.hlog").toString()},
            {"report", "merge", tmp.resolve("none.hlog").toString(), "--out", tmp.resolve("o").toString()},
            {"report", "merge", a.resolve("latency.hlog").toString(), "--out", a.toString()},
        };
        for (String[] args : cases) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(last.err().strip()).as(String.join(" ", args)).startsWith("apitune: ").doesNotContain("\n");
        }
    }

    @Test
    void helpListsEveryFlag() {
        assertThat(run("report", "--help")).isZero();
        assertThat(last.out()).contains("--compare", "--out", "merge", "DIR");
        assertThat(run("report", "merge", "--help")).isZero();
        assertThat(last.out()).contains("--out", "--name", "FILE.hlog");
    }
}
