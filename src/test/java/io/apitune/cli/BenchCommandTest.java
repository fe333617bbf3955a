package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.load.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apitune bench} in-process: exit codes, one-line errors, summary and report files. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    static Cli.Result bench(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "bench";
        System.arraycopy(args, 0, full, 1, args.length);
        return Cli.run(full);
    }

    @Test
    void urlRunPrintsSummaryAndWritesReportDirectory() throws Exception {
        try (TestServer server = TestServer.start(5)) {
            Path dir = tmp.resolve("run1");
            Cli.Result run = bench("--url", server.url("/item/{key}"), "--rate", "100", "--duration", "1s",
                    "--warmup", "0", "-c", "4", "--out", dir.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("goodput", "latency OK", "service OK", "p99.99", "generator:");
            assertThat(run.err()).contains("req");
            JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
            assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
            assertThat(report.at("/results/requests").asLong()).isEqualTo(100);
            assertThat(report.at("/results/latency/p50").asDouble()).isGreaterThanOrEqualTo(4.9);
            assertThat(report.at("/config/model").asText()).isEqualTo("open");
            assertThat(report.at("/target/kind").asText()).isEqualTo("url");
            assertThat(Files.readString(dir.resolve("latency.hlog"))).contains("#[StartTime:");
            try (var files = Files.list(tmp)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run1");
            }
        }
    }

    @Test
    void unreachableTargetIsOneLineExit3() throws Exception {
        int port;
        try (TestServer server = TestServer.start(0)) {
            port = server.port();
        }
        Cli.Result run = bench("--url", "http://127.0.0.1:" + port + "/", "-q", "--out",
                tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("unreachable");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void anExistingReportDirectoryIsRefusedBeforeAnyLoad() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            Path dir = Files.createDirectories(tmp.resolve("taken"));
            Files.writeString(dir.resolve("report.json"), "{}");
            Cli.Result run = bench("--url", server.url("/"), "-q", "--out", dir.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--out");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void invalidValuesAreOneLineExit2() {
        for (String[] args : new String[][] {
            {"--url", "http://127.0.0.1:1/", "--duration", "ten"},
            {"--url", "ftp://example/"},
            {"--url", "http://127.0.0.1:1/", "--rate", "-5"},
            {"--url", "http://127.0.0.1:1/", "--ramp-up", "1s"},
            {"--url", "http://127.0.0.1:1/", "--key-dist", "pareto"},
            {"--url", "http://127.0.0.1:1/", "-H", "NoColon"},
            {"--url", "http://127.0.0.1:1/", "--requests", "5", "--duration", "1s"},
            {"--mode", "nope"},
            {"--server", "http://127.0.0.1:1"},
            {"--url", "http://127.0.0.1:1/", "--workers", "4"},
            {"--server", "http://127.0.0.1:1", "--mode", "async", "--backend-latency", "1ms"},
            {"--mode", "async", "--queries", "3"},
            {"--url", "http://127.0.0.1:1/", "--arrival", "poisson"},
            {"--url", "http://127.0.0.1:1/", "--body", "x", "--body-file", "/nonexistent"},
            {},
        }) {
            Cli.Result run = bench(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        }
    }
}
