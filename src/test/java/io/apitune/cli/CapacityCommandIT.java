package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code apitune capacity} against a server whose capacity is known by construction: mode
 * {@code blocking} with W = 8 workers and an upstream latency L = 100 ms serves at most
 * W / L = 80 requests/s; above that the backlog (and latency) grows for the whole step. A long L
 * keeps the per-request overhead of a busy shared machine small against it, and an SLO on p50
 * lets a few scheduling hiccups pass while a growing backlog does not.
 */
class CapacityCommandIT {
    private static final double KNOWN_CAPACITY = 8 / 0.100;

    @TempDir
    Path tmp;

    @Test
    void findsTheCapacityOfABoundedWorkerPoolWithinFifteenPercent() throws Exception {
        // Class loading and JIT of a cold test JVM must not be mistaken for the first step's
        // verdict (a spurious failure there would halve every later rate): warm up once.
        Cli.Result warm = Cli.run("bench", "--mode", "blocking", "--workers", "8", "--backend-latency",
                "100ms", "-c", "8", "--requests", "80", "--warmup", "0", "-q",
                "--out", tmp.resolve("warm").toString());
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        Path out = tmp.resolve("cap");
        Cli.Result r = Cli.run("capacity", "--mode", "blocking", "--workers", "8",
                "--backend-latency", "100ms", "--slo", "p50 < 200ms", "--start-rate", "60",
                "--duration", "1s", "--warmup", "1s", "-c", "64", "--tolerance", "8%",
                "--max-steps", "7", "-q", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        double answer = report.at("/answer/rate").asDouble();
        assertThat(answer).as(r.out()).isBetween(KNOWN_CAPACITY * 0.85, KNOWN_CAPACITY * 1.15);
        assertThat(report.get("kind").asText()).isEqualTo("capacity");
        assertThat(report.get("slo").asText()).isEqualTo("p50 < 200ms, errors <= 0.1%");
        JsonNode steps = report.get("steps");
        assertThat(steps.size()).isBetween(2, 7);
        assertThat(steps).anyMatch(s -> !s.get("passed").asBoolean());
        for (JsonNode step : steps) {
            assertThat(step.has("p50") && step.has("p99") && step.has("errorRate")).isTrue();
            assertThat(out.resolve(step.get("dir").asText()).resolve("report.json")).exists();
        }
        assertThat(r.out()).contains("capacity: ", "meets p50 < 200ms");
    }

    @Test
    void searchesOverHttp2WhenAsked() throws Exception {
        Path out = tmp.resolve("cap-h2c");
        Cli.Result r = Cli.run("capacity", "--mode", "cached", "--http2", "--streams", "8", "-c", "2",
                "--slo", "p99 < 2s", "--start-rate", "50", "--max-rate", "100", "--duration", "1s",
                "--warmup", "0s", "--max-steps", "2", "-q", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        JsonNode steps = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("steps");
        assertThat(steps.size()).isEqualTo(2);
        for (JsonNode step : steps) {
            JsonNode protocol = new ObjectMapper()
                    .readTree(out.resolve(step.get("dir").asText()).resolve("report.json").toFile())
                    .at("/results/protocol");
            assertThat(protocol.get("negotiated").asText()).isEqualTo("h2c");
            assertThat(protocol.get("streamsPerConnection").asInt()).isEqualTo(8);
        }
    }
}
