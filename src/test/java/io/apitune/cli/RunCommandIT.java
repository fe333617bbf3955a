package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code apitune run} end to end against the in-process reference server: gates that fail. */
class RunCommandIT {
    @TempDir
    Path tmp;

    @Test
    void aGateDesignedToFailExitsOneAndWritesJUnitXml() throws Exception {
        Path scenario = tmp.resolve("tiny.yaml");
        Files.writeString(scenario, """
                name: tiny
                server: { backend-latency: 20ms }
                defaults: { connections: 4, requests: 200, warmup: 0 }
                runs:
                  - { name: async, mode: async }
                gates:
                  - p99 < 1ms          # impossible: every async request waits 20 ms upstream
                  - errors < 1%
                """);
        Path junit = tmp.resolve("gates.xml");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("run", scenario.toString(), "-q", "--out", out.toString(),
                "--junit", junit.toString(), "--gate", "async.throughput > 1/s",
                // Gate mechanics, not the generator's verdict: a busy test machine may limit it.
                "--allow-limited");

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("p99 < 1ms", "FAIL", "gates: 2 passed, 1 failed");
        String xml = Files.readString(junit);
        assertThat(xml).contains("<testsuite name=\"tiny\" tests=\"3\" failures=\"1\"")
                .contains("<testcase classname=\"apitune.gates.async\" name=\"p99 &lt; 1ms\"")
                .contains("<failure message=\"measured ")
                .contains(", limit 1.000ms\" type=\"GateFailed\">")
                .contains("name=\"errors &lt; 1%\"", "name=\"async.throughput &gt; 1/s\"");
        assertThat(xml.split("<failure ", -1)).hasSize(2);

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("passed").asBoolean()).isFalse();
        JsonNode p99 = report.get("gates").get(0);
        assertThat(p99.get("passed").asBoolean()).isFalse();
        assertThat(p99.get("measured").asDouble()).isGreaterThanOrEqualTo(19.0);
        assertThat(p99.get("unit").asText()).isEqualTo("ms");
        assertThat(report.at("/runs/0/results/requests").asLong()).isEqualTo(200);
        assertThat(report.at("/runs/0/dir").asText()).isEqualTo("async");
    }

    @Test
    void baselineGatesCompareWithAStoredReport() throws Exception {
        Path scenario = tmp.resolve("base.yaml");
        Files.writeString(scenario, """
                name: base
                defaults: { connections: 2, requests: 100, warmup: 0 }
                runs:
                  - { name: cached, mode: cached }
                """);
        Cli.Result first = Cli.run("run", scenario.toString(), "-q", "--out", tmp.resolve("a").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        // The same run cannot be 100 times slower than itself, nor 100 times faster.
        Cli.Result second = Cli.run("run", scenario.toString(), "-q", "--out", tmp.resolve("b").toString(),
                "--baseline", tmp.resolve("a/report.json").toString(),
                "--gate", "p50 <= baseline * 100", "--gate", "p50 <= baseline * 0.01");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
        assertThat(second.out()).contains("gates: 1 passed, 1 failed");
    }
}
