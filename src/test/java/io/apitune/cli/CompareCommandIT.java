package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code compare} and {@code bench --gate} end to end against the in-process reference server. */
class CompareCommandIT {
    @TempDir
    Path tmp;

    @Test
    void comparesModesSideBySideWithTheCacheHitRatio() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", "--modes", "async,cached", "-c", "8", "--requests", "400",
                "--warmup", "500ms", "--keys", "20", "--backend-latency", "10ms", "-q",
                "--out", out.toString(), "--gate", "cached.p50 < async.p50");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String[] table = r.out().substring(r.out().indexOf("\nrun ")).strip().split("\n");
        assertThat(table[0]).contains("run", "goodput", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "KO", "cache hit", "theory");
        // async: no cache; at most 8 connections / 10 ms = 800/s
        assertThat(table[1]).startsWith("async").matches(".* - +[01]\\.[0-9]{2} of 800/s( LIMITED)?");
        // cached: hits answered from memory, which no configured resource bounds
        assertThat(table[2]).startsWith("cached").matches(".*% +server( LIMITED)?");
        assertThat(r.out()).contains("gates: 1 passed, 0 failed");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("kind").asText()).isEqualTo("compare");
        JsonNode modes = report.get("modes");
        assertThat(modes).extracting(m -> m.get("name").asText()).containsExactly("async", "cached");
        // 20 keys, hundreds of requests: all but the first request per key are hits.
        assertThat(modes.get(1).get("cacheHitRatio").asDouble()).isGreaterThan(0.9);
        assertThat(modes.get(0).has("cacheHitRatio")).isFalse();
        assertThat(modes.get(0).get("p50").asDouble()).isGreaterThanOrEqualTo(9.5);
        assertThat(report.get("runs")).hasSize(2);
        assertThat(out.resolve("async/latency.hlog")).exists();
    }

    @Test
    void benchTakesGatesAndJUnit() throws Exception {
        Path junit = tmp.resolve("bench.xml");
        Cli.Result r = Cli.run("bench", "--mode", "async", "-c", "4", "--requests", "100",
                "--warmup", "0", "--backend-latency", "10ms", "-q", "--out", tmp.resolve("b").toString(),
                "--gate", "p50 >= 9ms", "--gate", "max < 1ms", "--junit", junit.toString(),
                // Gate mechanics, not the generator's verdict: a busy test machine may limit it.
                "--allow-limited");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("gates: 1 passed, 1 failed");
        assertThat(Files.readString(junit)).contains("<testsuite name=\"async\" tests=\"2\" failures=\"1\"");
        Cli.Result bad = Cli.run("bench", "--mode", "async", "--gate", "cached.p99 < 1s",
                "--out", tmp.resolve("never").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown run 'cached' (runs: async)");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void comparesProtocolsUnderTheSameLoadWithConnectionsUsed() throws Exception {
        Path out = tmp.resolve("protocols");
        // The same 2 connections over each protocol (closed model: 2 in flight over HTTP/1.1,
        // 2 x 16 over h2c). Which is faster is the scenario's business (scenarios/protocols.yaml):
        // on a shared 2-core test machine only the mechanics are asserted here.
        Cli.Result r = Cli.run("compare", "--modes", "async", "--protocols", "http1,h2c",
                "--streams", "16", "-c", "2", "--requests", "200", "--warmup", "500ms",
                "--backend-latency", "5ms", "-q", "--out", out.toString(),
                "--gate", "h2c.errors <= 100%", "--allow-limited");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String[] table = r.out().substring(r.out().indexOf("\nrun ")).strip().split("\n");
        assertThat(table[0]).contains("protocol", "streams", "conns");
        assertThat(table[1]).startsWith("http1").contains(" http/1.1 ");
        assertThat(table[2]).startsWith("h2c").contains(" h2c ", " 16 ");

        JsonNode modes = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("modes");
        assertThat(modes).extracting(m -> m.get("name").asText()).containsExactly("http1", "h2c");
        assertThat(modes.get(0).get("protocol").asText()).isEqualTo("http/1.1");
        assertThat(modes.get(0).get("streams").asInt()).isEqualTo(1);
        assertThat(modes.get(1).get("protocol").asText()).isEqualTo("h2c");
        assertThat(modes.get(1).get("streams").asInt()).isEqualTo(16);
        // The probe may open one more; never more than the cap plus the probe's.
        assertThat(modes.get(1).get("connections").asLong()).isBetween(1L, 3L);
        assertThat(modes.get(0).get("connections").asLong()).isBetween(1L, 3L);
    }

    @Test
    void protocolsNameRunsPerTargetAndRefuseAnotherProtocolFlag() {
        Cli.Result both = Cli.run("compare", "--modes", "async", "--protocols", "http1,h2c",
                "--http2", "--out", tmp.resolve("never").toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).endsWith("--protocols: give either --protocols or --http2, not both");
        Cli.Result bad = Cli.run("compare", "--modes", "async", "--protocols", "http1,h3",
                "--out", tmp.resolve("never").toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--protocols: \"h3\" is not one of http1, h2c, h2");
        Cli.Result gate = Cli.run("compare", "--modes", "async,cached", "--protocols", "http1,h2c",
                "--gate", "h2c.p99 < 1s", "--out", tmp.resolve("never").toString());
        assertThat(gate.exitCode()).isEqualTo(2);
        assertThat(gate.err()).contains("unknown run 'h2c' (runs: async-http1, async-h2c, cached-http1, cached-h2c)");
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
