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
}
