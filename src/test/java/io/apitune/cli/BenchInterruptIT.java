package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.load.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C / SIGTERM: {@code target/apitune.jar bench} in a subprocess is stopped mid-run and still
 * writes a report of what it measured, marked interrupted.
 */
class BenchInterruptIT {
    @TempDir
    Path tmp;

    @Test
    void sigtermEndsTheRunAndStillWritesTheReport() throws Exception {
        Path jar = Path.of("target", "apitune.jar");
        assertThat(jar).exists();
        Path out = tmp.resolve("interrupted");
        try (TestServer server = TestServer.start(1)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "bench",
                    "--url", server.url("/item/{key}"), "--rate", "200", "--duration", "60s",
                    "--warmup", "0", "--quiet", "--out", out.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("output.txt").toFile())
                    .start();
            try {
                // Wait until the run is well under way (the probe plus ~1.5 s of 200/s).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (server.requests() < 300 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(server.requests()).as("load started").isGreaterThanOrEqualTo(300);
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(process.exitValue()).as("the Unix convention: 128 + SIGTERM").isEqualTo(143);
            } finally {
                process.destroyForcibly();
            }
            String output = Files.readString(tmp.resolve("output.txt"));
            assertThat(out.resolve("report.json")).as(output).exists();
            assertThat(out.resolve("latency.hlog")).exists();
            JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertThat(report.get("interrupted").asBoolean()).isTrue();
            long requests = report.at("/results/requests").asLong();
            assertThat(requests).isGreaterThanOrEqualTo(250).isLessThan(12_000);
            assertThat(report.at("/results/durationSeconds").asDouble()).isLessThan(60.0);
            assertThat(output).contains("(interrupted)");
        }
    }

    @Test
    void ctrlCDuringAScenarioStillWritesTheCombinedReport() throws Exception {
        Path jar = Path.of("target", "apitune.jar");
        Path scenario = Files.writeString(tmp.resolve("two.yaml"), "");
        Path out = tmp.resolve("scenario");
        try (TestServer server = TestServer.start(1)) {
            Files.writeString(scenario, "name: two\ndefaults: {rate: 200, warmup: 0}\nruns:\n"
                    + "  - {name: first, url: \"" + server.url("/item/{key}") + "\", duration: 1s}\n"
                    + "  - {name: second, url: \"" + server.url("/item/{key}") + "\", duration: 60s}\n"
                    + "gates:\n  - errors < 1%\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "run",
                    scenario.toString(), "--quiet", "--out", out.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("output.txt").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (server.requests() < 500 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(server.requests()).as("second run under way").isGreaterThanOrEqualTo(500);
                new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
                assertThat(process.exitValue()).as("the Unix convention: 128 + SIGINT").isEqualTo(130);
            } finally {
                process.destroyForcibly();
            }
            String output = Files.readString(tmp.resolve("output.txt"));
            JsonNode combined = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertThat(combined.get("interrupted").asBoolean()).as(output).isTrue();
            assertThat(combined.get("runs")).extracting(r -> r.get("name").asText()).containsExactly("first", "second");
            assertThat(combined.get("runs").get(1).get("interrupted").asBoolean()).isTrue();
            assertThat(combined.has("gates")).as("gates are not evaluated on an interrupted plan").isFalse();
            assertThat(out.resolve("report.html")).exists();
            assertThat(out.resolve("second/report.json")).exists();
        }
    }
}
