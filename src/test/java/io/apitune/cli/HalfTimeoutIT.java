package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.load.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench} against a target that never answers half of its requests: the timeouts are KO,
 * recorded in {@code failureLatency} at about the timeout, and stay out of the OK percentiles and
 * of goodput, in report.json, the .hlog, the console and the page. About 3 s.
 */
class HalfTimeoutIT {
    @TempDir
    Path tmp;

    @Test
    void timeoutsAreFailuresAtTheTimeoutAndStayOutOfOkLatency() throws Exception {
        Path out = tmp.resolve("half");
        Cli.Result r;
        // answers the probe, then never every second request
        try (TestServer server = TestServer.start(0).hangEvery(2, 1)) {
            r = Cli.run("bench", "--url", server.url("/item/{key}"), "--rate", "100", "-c", "64",
                    "--duration", "2s", "--warmup", "0", "--timeout", "500ms", "-q", "--out", out.toString());
        }
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.has("theory")).as("a URL target has no theory").isFalse();
        JsonNode results = report.get("results");
        // 100/s for 2 s = 200 attempts, every second one never answered
        assertThat(results.get("requests").asLong()).isEqualTo(200);
        assertThat(results.get("ok").asLong()).isEqualTo(100);
        assertThat(results.at("/errors/timeout").asLong()).isEqualTo(100);
        assertThat(results.get("errorRate").asDouble()).isEqualTo(0.5);
        JsonNode failures = results.get("failureLatency");
        assertThat(failures.get("count").asLong()).isEqualTo(100);
        // a timeout counts from its intended send to the timeout: 500 ms, plus a little send lag
        assertThat(failures.get("min").asDouble()).isGreaterThanOrEqualTo(499.0);
        assertThat(failures.get("p50").asDouble()).isBetween(499.0, 600.0);
        // the OK percentiles hold the 100 instant answers only
        assertThat(results.at("/latency/count").asLong()).isEqualTo(100);
        assertThat(results.at("/latency/max").asDouble()).isLessThan(450.0);
        assertThat(results.at("/serviceTime/p99").asDouble()).isLessThan(450.0);
        assertThat(results.get("throughput").asDouble()).isLessThan(results.get("requestRate").asDouble() * 0.6);

        assertThat(Files.readString(out.resolve("latency.hlog"))).contains("Tag=failure,");
        assertThat(r.out()).contains("failures KO", "WARNING: 50.0% of the requests failed, most of them timeout");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<title>failures KO</title>");
    }
}
