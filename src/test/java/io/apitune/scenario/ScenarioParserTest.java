package io.apitune.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadDefaults;
import io.apitune.run.RunPlan;
import io.apitune.run.RunSpec;
import io.apitune.run.TargetSpec;
import io.apitune.server.Mode;

class ScenarioParserTest {
    private static final String GOOD = """
            name: techniques
            description: three techniques, one load
            server:
              workers: 4
              backend-latency: 20ms
            defaults:
              rate: 200/s
              duration: 3s
              warmup: 1s
              connections: 32
            runs:
              - name: blocking
                mode: blocking
              - name: async
                mode: async
                arrival: poisson
                server: { jitter: 5ms }
              - name: db
                mode: async-db
                queries: 20
                requests: 500
              - name: ext
                url: http://127.0.0.1:9/item/{key}
                method: post
                headers: ["Accept: application/json", "X-Test: 1"]
                body: '{"a":1}'
                key-dist: zipf:1.3
                keys: 50
            gates:
              - async.throughput >= 0.9 * blocking.throughput
              - p99 < 1s
              - errors < 0.1%
            """;

    private static RunPlan parse(String yaml) {
        return ScenarioParser.parse(yaml, "s.yaml", Path.of("."));
    }

    @Test
    void buildsImmutableRunsWithDefaultsAndOverrides() {
        RunPlan s = parse(GOOD);
        assertThat(s.name()).isEqualTo("techniques");
        assertThat(s.description()).isEqualTo("three techniques, one load");
        assertThat(s.runNames()).containsExactly("blocking", "async", "db", "ext");
        assertThat(s.gates()).hasSize(3);

        RunSpec blocking = s.runs().get(0);
        assertThat(blocking.target().kind()).isEqualTo(TargetSpec.Kind.MODE);
        assertThat(blocking.target().mode()).isEqualTo(Mode.BLOCKING);
        assertThat(blocking.target().server().workers()).isEqualTo(4);
        assertThat(blocking.target().server().port()).isZero();
        assertThat(blocking.target().server().database()).isFalse();
        LoadConfig load = blocking.load();
        assertThat(load.ratePerSecond()).isEqualTo(200.0);
        assertThat(load.duration()).isEqualTo(Duration.ofSeconds(3));
        assertThat(load.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(load.connections()).isEqualTo(32);
        assertThat(load.timeout()).isEqualTo(LoadDefaults.TIMEOUT);
        assertThat(load.request().url()).isEqualTo("/blocking/item/{key}");

        RunSpec async = s.runs().get(1);
        assertThat(async.load().arrival()).isEqualTo(LoadConfig.Arrival.POISSON);
        assertThat(async.target().server().jitter()).isEqualTo(Duration.ofMillis(5));
        assertThat(async.target().server().backendLatency()).isEqualTo(Duration.ofMillis(20));

        RunSpec db = s.runs().get(2);
        assertThat(db.target().queries()).isEqualTo(20);
        assertThat(db.target().server().database()).isTrue();
        assertThat(db.load().requests()).isEqualTo(500L);
        assertThat(db.load().duration()).isNull();

        RunSpec ext = s.runs().get(3);
        assertThat(ext.target().kind()).isEqualTo(TargetSpec.Kind.URL);
        assertThat(ext.load().request().method()).isEqualTo("POST");
        assertThat(ext.load().request().headers()).containsExactly(
                new LoadConfig.Header("Accept", "application/json"), new LoadConfig.Header("X-Test", "1"));
        assertThat(new String(ext.load().request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(ext.load().keys().distribution()).isEqualTo(LoadConfig.KeySpace.Distribution.ZIPF);
        assertThat(ext.load().keys().zipfExponent()).isEqualTo(1.3);
        assertThat(ext.load().keys().count()).isEqualTo(50);
        assertThat(s.runs()).isUnmodifiable();
    }

    @Test
    void readsBodyFilesRelativeToTheScenario(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("body.json"), "{\"q\":2}");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: b\nruns:\n  - name: r\n    url: http://127.0.0.1:9/\n"
                + "    method: POST\n    body-file: body.json\n");
        RunPlan s = ScenarioParser.parse(file);
        assertThat(new String(s.runs().get(0).load().request().body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"q\":2}");
    }

    private static void rejects(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ApituneException.class)
                .hasMessage(message)
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }

    private static final String RUNS = "name: t\nruns:\n  - name: a\n    mode: async\n";

    @Test
    void badValuesNameFileLineColumnAndKeyPath() {
        rejects(RUNS + "  - name: b\n    mode: async\n  - name: c\n    mode: cached\n    rate: fast\n",
                "s.yaml:9:11: runs[2].rate: \"fast\" is not a rate (write e.g. 200 or 200/s)");
        rejects(RUNS + "    duration: 10\n",
                "s.yaml:5:15: runs[0].duration: \"10\" is not a duration (write e.g. 500us, 20ms, 1.5s, 2m)");
        rejects(RUNS + "    connections: 0\n", "s.yaml:5:18: runs[0].connections: 0 must be at least 1");
        rejects(RUNS + "    connections: many\n",
                "s.yaml:5:18: runs[0].connections: \"many\" is not a whole number");
        rejects(RUNS + "    arrival: bursty\n",
                "s.yaml:5:14: runs[0].arrival: \"bursty\" is not one of constant, poisson");
        rejects(RUNS + "    key-dist: zipf:-1\n",
                "s.yaml:5:15: runs[0].key-dist: \"zipf:-1\" is not a key distribution (uniform, zipf or zipf:EXPONENT)");
        rejects(RUNS + "    headers: [\"NoColon\"]\n",
                "s.yaml:5:15: runs[0].headers[0]: \"NoColon\" is not a header (write \"Name: value\")");
        rejects("name: t\nserver:\n  workers: 0\nruns:\n  - name: a\n    mode: async\n",
                "s.yaml:3:12: server.workers: 0 must be at least 1");
        rejects("name: t\ndefaults:\n  timeout: 0\nruns:\n  - name: a\n    mode: async\n",
                "s.yaml:3:12: defaults.timeout: must be positive");
    }

    @Test
    void unknownKeysAreErrorsAtTheirOwnPosition() {
        rejects("name: t\nrusn: []\n", "s.yaml:2:1: rusn: unknown key "
                + "(known: name, description, server, feeders, defaults, runs, gates, rounds, until-conclusive)");
        rejects(RUNS + "    rat: 5\n", "s.yaml:5:5: runs[0].rat: unknown key (known: name, mode, url, "
                + "server-url, queries, base-url, server, rate, arrival, connections, duration, requests, warmup, "
                + "ramp-up, timeout, keys, key-dist, method, headers, body, body-file, http2, protocol, streams, "
                + "insecure, cacert, cert, key, stages)");
        rejects("name: t\ndefaults:\n  mode: async\nruns: []\n", "s.yaml:3:3: defaults.mode: unknown key "
                + "(known: rate, arrival, connections, duration, requests, warmup, ramp-up, timeout, "
                + "keys, key-dist, method, headers, body, body-file, http2, protocol, streams, insecure, cacert, "
                + "cert, key, stages)");
        rejects(RUNS + "    server:\n      threads: 4\n", "s.yaml:6:7: runs[0].server.threads: unknown key "
                + "(known: backend-latency, jitter, workers, queue, cache-size, cache-ttl, db-url, db-pool)");
    }

    @Test
    void structureErrors() {
        rejects("runs: []\n", "s.yaml:1:1: missing required key 'name'");
        rejects("name: t\n", "s.yaml:1:1: missing required key 'runs'");
        rejects("name: t\nruns: []\n", "s.yaml:2:7: runs: needs at least one run");
        rejects("name: t\nruns: 3\n", "s.yaml:2:7: runs: \"3\" is not a list");
        rejects("name: t\nruns:\n  - async\n", "s.yaml:3:5: runs[0]: \"async\" is not a map of keys");
        rejects("- a\n- b\n", "s.yaml:1:1: a list is not a map of keys");
        rejects("name: t\nruns:\n  - name: a b\n    mode: async\n",
                "s.yaml:3:11: runs[0].name: \"a b\" is not a run name (letters, digits, _ and -)");
        rejects(RUNS + "  - name: a\n    mode: cached\n", "s.yaml:5:11: runs[1].name: duplicate run name \"a\"");
        rejects("name: t\nruns:\n  - name: a\n", "s.yaml:3:5: runs[0]: give exactly one of mode and url");
        rejects("name: t\nruns:\n  - name: a\n    mode: async\n    url: http://x/\n",
                "s.yaml:5:10: runs[0].url: give exactly one of mode and url");
        rejects("name: t\nruns:\n  - name: a\n    mode: turbo\n", "s.yaml:4:11: runs[0].mode: \"turbo\" is "
                + "not a mode (one of blocking, async, cached, virtual, blocking-db, async-db, cached-db)");
        rejects("name: t\nruns:\n  - name: a\n    url: ftp://x/\n",
                "s.yaml:4:10: runs[0].url: \"ftp://x/\" is not an http:// or https:// URL");
        rejects(RUNS + "    queries: 5\n",
                "s.yaml:5:14: runs[0].queries: only applies to the database modes (blocking-db, async-db, cached-db)");
        rejects(RUNS + "    duration: 1s\n    requests: 10\n",
                "s.yaml:6:15: runs[0].requests: give either duration or requests, not both");
        rejects(RUNS + "    ramp-up: 2s\n", "s.yaml:5:14: runs[0].ramp-up: needs a rate (the closed model has none)");
        rejects("name: t\ndefaults:\n  arrival: poisson\nruns:\n  - name: a\n    mode: async\n",
                "s.yaml:3:12: defaults.arrival: needs a rate (the closed model has none)");
        rejects(RUNS + "    server-url: http://127.0.0.1:8080\n    server: { workers: 2 }\n",
                "s.yaml:6:13: runs[0].server: shapes the in-process server; not with server-url");
        rejects(RUNS + "    body: x\n    body-file: y\n",
                "s.yaml:6:16: runs[0].body-file: give either body or body-file, not both");
    }

    @Test
    void yamlSyntaxErrorsCarryTheirPosition() {
        assertThatThrownBy(() -> parse("name: t\nruns: [\n  - x: 1\n"))
                .isInstanceOf(ApituneException.class)
                .hasMessageStartingWith("s.yaml:").hasMessageContaining(": invalid YAML: ");
        rejects("name: t\nname: u\n", "s.yaml:2:1: invalid YAML: duplicate key 'name'");
    }

    @Test
    void gatesAreCheckedAgainstRunsBeforeAnyLoad() {
        rejects(RUNS + "gates:\n  - a.p98 < 5ms\n", "s.yaml:6:5: gates[0]: gate 'a.p98 < 5ms': "
                + "unknown metric 'p98' (known: p50, p75, p90, p99, p99.9, p99.99, max, mean, min, "
                + "throughput, requestRate, ok, errors, errorCount, requests, service.p50, service.p75, "
                + "service.p90, service.p99, service.p99.9, service.p99.99, service.max, service.mean, "
                + "service.min, failure.p50, failure.p75, failure.p90, failure.p99, failure.p99.9, "
                + "failure.p99.99, failure.max, failure.mean, failure.min; "
                + "REQUEST.METRIC for a request of a mix)");
        rejects(RUNS + "gates:\n  - ok\n  - b.p99 < 5ms\n", "s.yaml:6:5: gates[0]: gate 'ok': "
                + "no comparison (use one of < <= > >= ==)");
        rejects(RUNS + "gates:\n  - b.p99 < 5ms\n",
                "s.yaml:6:5: gates[0]: gate 'b.p99 < 5ms': unknown run 'b' (runs: a)");
        rejects(RUNS + "gates:\n  - throughput > 5ms\n", "s.yaml:6:5: gates[0]: gate 'throughput > 5ms': "
                + "the limit's unit does not fit the metric (write a rate such as 900/s)");
    }

    @Test
    void unreadableFilesAreInvalidInput(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioParser.parse(dir.resolve("missing.yaml")))
                .isInstanceOf(ApituneException.class)
                .hasMessageStartingWith("cannot read scenario " + dir.resolve("missing.yaml"));
    }
}
