package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code apitune capacity} against a server whose capacity is known by construction: mode
 * {@code blocking} with W = 4 workers and an upstream latency L = 20 ms serves at most
 * W / L = 200 requests/s; above that the backlog (and p99) grows for the whole step.
 */
class CapacityCommandIT {
    private static final double KNOWN_CAPACITY = 4 / 0.020;

    @TempDir
    Path tmp;

    @Test
    void findsTheCapacityOfABoundedWorkerPoolWithinFifteenPercent() throws Exception {
        Path out = tmp.resolve("cap");
        Cli.Result r = Cli.run("capacity", "--mode", "blocking", "--workers", "4",
                "--backend-latency", "20ms", "--slo", "p99 < 150ms", "--start-rate", "150",
                "--duration", "1s", "--warmup", "1s", "-c", "64", "--max-steps", "8", "-q",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        double answer = report.at("/answer/rate").asDouble();
        assertThat(answer).as(r.out()).isBetween(KNOWN_CAPACITY * 0.85, KNOWN_CAPACITY * 1.15);
        assertThat(report.get("kind").asText()).isEqualTo("capacity");
        assertThat(report.get("slo").asText()).isEqualTo("p99 < 150ms, errors <= 0.1%");
        JsonNode steps = report.get("steps");
        assertThat(steps.size()).isBetween(2, 8);
        assertThat(steps).anyMatch(s -> !s.get("passed").asBoolean());
        for (JsonNode step : steps) {
            assertThat(step.has("p50") && step.has("p99") && step.has("errorRate")).isTrue();
            assertThat(out.resolve(step.get("dir").asText()).resolve("report.json")).exists();
        }
        assertThat(r.out()).contains("capacity: ", "meets p99 < 150ms");
    }
}
