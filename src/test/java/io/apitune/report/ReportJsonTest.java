package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.ErrorCounts;
import io.apitune.load.GeneratorHealth;
import io.apitune.load.IntervalSample;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import io.apitune.scenario.RunSpec;
import io.apitune.scenario.TargetSpec;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** report.json carries every key of docs/report-schema.md, in milliseconds, without secrets. */
class ReportJsonTest {
    @Test
    void documentFollowsTheSchema() {
        LoadConfig load = new LoadConfig(new LoadConfig.RequestSpec("GET", "http://h/x", List.of(
                new LoadConfig.Header("Accept", "application/json")), null),
                new LoadConfig.KeySpace(1000, LoadConfig.KeySpace.Distribution.ZIPF, 1.1), 1000.0,
                LoadConfig.Arrival.POISSON, 64, Duration.ofSeconds(10), null, Duration.ofSeconds(2),
                Duration.ZERO, Duration.ofSeconds(5));
        ServerConfig server = ServerConfig.defaults().withHost("127.0.0.1")
                .withPort(0);
        server = new ServerConfig(server.host(), 0, server.backendLatency(), server.jitter(),
                server.workers(), server.queue(), server.cacheSize(), server.cacheTtl(),
                "postgresql://app:s3cret@db:5432/w", 4, true);
        RunSpec spec = new RunSpec("cached", TargetSpec.mode(Mode.CACHED, server, null), load);
        Histogram latency = Histograms.newHistogram();
        Histogram service = Histograms.newHistogram();
        for (int i = 1; i <= 100; i++) {
            latency.recordValue(i * 1_000_000L); // 1..100 ms
            service.recordValue(i * 500_000L);
        }
        ErrorCounts errors = new ErrorCounts(1, 2, 3, 4, 0, 0);
        GeneratorHealth health = new GeneratorHealth(Histograms.newHistogram(), 0, 0, 0.5, 0.4,
                2, 2, 0.5, 0, 2.0, 0, 110, 0, 0, java.util.Set.of(), "", "");
        LoadResult result = new LoadResult(1_800_000_000_000L, 1_800_000_010_000L,
                10_000_000_000L, 110, 100, 10, errors, latency, service, Histograms.newHistogram(),
                List.of(new IntervalSample(1.0, 1.0, 110, 110, 100, 100, errors, errors, 0, 0, 0,
                        10, 0)),
                new IntervalLog(1_800_000_000_000L), false, health);

        ObjectNode json = ReportJson.build("20261127-011500-cached", spec,
                "http://127.0.0.1:1/cached/item/{key}", result);

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("kind").asText()).isEqualTo("run");
        assertThat(json.get("startTime").asText()).endsWith("Z");
        assertThat(json.at("/target/kind").asText()).isEqualTo("mode");
        assertThat(json.at("/target/mode").asText()).isEqualTo("cached");
        assertThat(json.toString()).doesNotContain("s3cret");
        assertThat(json.at("/config/model").asText()).isEqualTo("open");
        assertThat(json.at("/config/arrival").asText()).isEqualTo("poisson");
        assertThat(json.at("/config/keyDistribution").asText()).isEqualTo("zipf:1.1");
        assertThat(json.at("/config/headers/0").asText()).isEqualTo("Accept: application/json");
        JsonNode results = json.get("results");
        assertThat(results.get("requests").asLong()).isEqualTo(110);
        assertThat(results.get("throughput").asDouble()).isEqualTo(11.0);
        assertThat(results.get("targetRate").asDouble()).isEqualTo(1000.0);
        assertThat(results.at("/errors/total").asLong()).isEqualTo(10);
        assertThat(results.at("/errors/status5xx").asLong()).isEqualTo(4);
        assertThat(results.get("errorRate").asDouble()).isEqualTo(10 / 110.0);
        assertThat(results.at("/latency/p50").asDouble()).isBetween(49.9, 50.1);
        assertThat(results.at("/latency/max").asDouble()).isBetween(99.9, 100.1);
        for (String key : new String[] {"count", "mean", "p50", "p75", "p90", "p99", "p99.9",
            "p99.99", "max", "min", "stddev"}) {
            assertThat(results.get("latency").has(key)).as(key).isTrue();
            assertThat(results.get("serviceTime").has(key)).as(key).isTrue();
        }
        assertThat(results.at("/timeline/0/t").asDouble()).isZero();
        assertThat(results.at("/timeline/0/errors/timeout").asLong()).isEqualTo(2);
        assertThat(json.at("/environment/cores").asInt()).isPositive();
        assertThat(json.at("/files/hlog").asText()).isEqualTo("latency.hlog");
    }
}
