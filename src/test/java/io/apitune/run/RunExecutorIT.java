package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.apitune.ApituneException;
import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.load.LoadConfig;
import io.apitune.report.Reports;
import io.apitune.server.Mode;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunExecutor against the real reference server: in-process (--mode) and running (--server). */
class RunExecutorIT {
    @TempDir
    Path tmp;

    private static LoadConfig load(double rate) {
        return new LoadConfig(new LoadConfig.RequestSpec("GET", "http://unresolved/", List.of(), null),
                new LoadConfig.KeySpace(50, LoadConfig.KeySpace.Distribution.UNIFORM, 0), rate,
                LoadConfig.Arrival.CONSTANT, 16, Duration.ofSeconds(2), null, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(5));
    }

    private static ServerConfig server(Duration backendLatency) {
        ServerConfig d = ServerConfig.defaults();
        return new ServerConfig("127.0.0.1", 0, backendLatency, Duration.ZERO, d.workers(),
                d.queue(), d.cacheSize(), d.cacheTtl(), null, d.dbPool(), false);
    }

    /** Runs one spec with an executor that is closed after it (else its shutdown hook waits 30 s at exit). */
    private static RunResult run(StringWriter out, RunSpec spec, Path dir) {
        try (RunExecutor executor = new RunExecutor(new PrintWriter(out, true),
                new PrintWriter(new StringWriter()), true)) {
            return executor.run(spec, dir);
        }
    }

    @Test
    void modeTargetStartsTheServerInProcessAndReadsItsStats() {
        StringWriter out = new StringWriter();
        RunSpec spec = new RunSpec("async", TargetSpec.mode(Mode.ASYNC,
                server(Duration.ofMillis(10)), null), load(100));
        RunResult outcome = run(out, spec, tmp.resolve("async"));
        JsonNode report = Reports.MAPPER.valueToTree(outcome.report());

        assertThat(outcome.dir()).isEqualTo(tmp.resolve("async").toAbsolutePath());
        assertThat(outcome.interrupted()).isFalse();
        assertThat(report.at("/target/kind").asText()).isEqualTo("mode");
        assertThat(report.at("/target/url").asText()).contains("/async/item/{key}");
        assertThat(report.at("/results/requests").asLong()).isEqualTo(200);
        assertThat(report.at("/results/errors/total").asLong()).isZero();
        // The upstream call takes 10 ms, so no response can be faster.
        assertThat(report.at("/results/serviceTime/p50").asDouble()).isGreaterThan(9.9);
        assertThat(outcome.serverStats()).isNotNull();
        assertThat(outcome.serverStats().toString()).contains("async");
        assertThat(out.toString()).contains("latency OK", "service OK", "generator:");
        // 100/s offered to 16 connections / 10 ms = 1,600/s: the offered rate is the bound
        assertThat(report.at("/theory/boundPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(report.at("/theory/limitedBy").asText()).isEqualTo("rate");
        assertThat(report.at("/theory/inputs/latencyMs").asDouble()).isEqualTo(10.0);
        assertThat(report.at("/theory/source").asText()).isEqualTo("stats window");
        assertThat(report.at("/theory/fraction").asDouble()).isBetween(0.5, 1.0);
        assertThat(out.toString()).contains("theory: goodput at");
    }

    @Test
    void serverTargetDrivesARunningServer() {
        try (ReferenceServer running = ReferenceServer.start(server(Duration.ofMillis(2)))) {
            RunSpec spec = new RunSpec("cached", TargetSpec.server(running.baseUrl() + "/",
                    Mode.CACHED, null), load(100));
            RunResult outcome = run(new StringWriter(), spec, tmp.resolve("cached"));
            JsonNode report = Reports.MAPPER.valueToTree(outcome.report());
            assertThat(report.at("/target/kind").asText()).isEqualTo("server");
            assertThat(report.at("/target/url").asText())
                    .isEqualTo(running.baseUrl() + "/cached/item/{key}");
            assertThat(report.at("/results/requests").asLong()).isEqualTo(200);
            assertThat(report.at("/results/errors/total").asLong()).isZero();
            assertThat(outcome.serverStats()).isNotNull();
            // read from the running server's /stats, over the measured window
            assertThat(report.at("/theory/mode").asText()).isEqualTo("cached");
            assertThat(report.at("/theory/inputs/cacheHitRatio").isNumber()).isTrue();
            assertThat(report.at("/theory/source").asText()).isEqualTo("stats window");
        }
    }

    @Test
    void unavailableModeIsATargetFailure() {
        if (Runtime.version().feature() >= 21) {
            return; // virtual threads exist here; the mode is available
        }
        RunSpec spec = new RunSpec("virtual", TargetSpec.mode(Mode.VIRTUAL,
                server(Duration.ofMillis(1)), null), load(10));
        assertThatThrownBy(() -> run(new StringWriter(), spec, tmp.resolve("v")))
                .isInstanceOf(ApituneException.class).hasMessageContaining("Java 21")
                .satisfies(e -> assertThat(((ApituneException) e).exitCode()).isEqualTo(3));
        assertThat(tmp.resolve("v")).doesNotExist();
    }
}
