package io.apitune.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.apitune.ApituneException;
import io.apitune.gate.Gate;
import io.apitune.load.LoadConfig;
import io.apitune.run.RunPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request mixes, feeders, stages and window gates in scenario files (docs/scenarios.md). */
class TrafficParserTest {
    @TempDir
    Path dir;

    @BeforeEach
    void feederFile() throws IOException {
        Files.writeString(dir.resolve("items.csv"), "id,term\n1,a\n2,b\n");
    }

    private RunPlan parse(String runsAndGates) {
        return ScenarioParser.parse("""
                name: shop
                feeders:
                  items: {csv: items.csv, strategy: random}
                runs:
                  - name: shop
                    base-url: http://127.0.0.1:9
                    rate: 100
                    duration: 2s
                    requests:
                      - {name: get-item, weight: 70, get: "/items/${items.id}"}
                      - {name: search, weight: 20, get: "/search?q=${items.term}"}
                      - name: create
                        weight: 10
                        post: /items
                        body: '{"p": ${randomInt(1,100)}}'
                        check: {status: 201, json: {"$.id": exists}}
                """ + runsAndGates, "s.yaml", dir);
    }

    @Test
    void aMixKeepsItsRequestsInOrderAndGatesMayNameThem() {
        RunPlan plan = parse("""
                gates:
                  - search.p99 < 50ms
                  - create.errors < 0.1%
                  - gate: errors < 5%
                    abort-on-fail: true
                    window: 3s
                """);
        assertThat(plan.runs().get(0).load().mix().names()).containsExactly("get-item", "search", "create");
        assertThat(plan.requestNames()).containsEntry("shop", List.of("get-item", "search", "create"));
        List<Gate> gates = plan.gates();
        assertThat(gates).hasSize(3);
        assertThat(gates.get(0).aborts()).isFalse();
        assertThat(gates.get(2).aborts()).isTrue();
        assertThat(gates.get(2).window()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aGateNamingAnUnknownRequestFailsBeforeAnyLoad() {
        assertThatThrownBy(() -> parse("gates: [\"serch.p99 < 50ms\"]\n"))
                .isInstanceOf(ApituneException.class).hasMessageContaining("s.yaml:")
                .hasMessageContaining("serch");
    }

    @Test
    void aWindowWithoutAbortOnFailIsAnError() {
        assertThatThrownBy(() -> parse("gates:\n  - {gate: \"p99 < 1s\", window: 5s}\n"))
                .isInstanceOf(ApituneException.class).hasMessageContaining("abort-on-fail");
    }

    @Test
    void anAbortingGateCannotUseTheBaseline() {
        assertThatThrownBy(() -> parse("gates:\n  - {gate: \"p99 < baseline * 1.1\", abort-on-fail: true}\n"))
                .isInstanceOf(ApituneException.class).hasMessageContaining("baseline");
    }

    @Test
    void anUnknownFeederInATemplateIsAnError() {
        assertThatThrownBy(() -> ScenarioParser.parse("""
                name: s
                runs:
                  - name: r
                    base-url: http://127.0.0.1:9
                    rate: 10
                    requests:
                      - {name: a, weight: 1, get: "/x/${nope.id}"}
                """, "s.yaml", dir)).isInstanceOf(ApituneException.class).hasMessageContaining("nope");
    }

    @Test
    void stagesReplaceTheRateAndSetTheDuration() {
        RunPlan plan = ScenarioParser.parse("""
                name: s
                runs:
                  - name: r
                    url: http://127.0.0.1:9/x
                    stages: [{rate: 200, duration: 5s}, {ramp-to: 1000, over: 5s}, {rate: 1000, duration: 5s}, {ramp-to: 0, over: 3s}]
                """, "s.yaml", dir);
        assertThat(plan.runs().get(0).load().duration()).isEqualTo(Duration.ofSeconds(18));
        assertThat(plan.runs().get(0).load().stages()).hasSize(4);
    }

    @Test
    void aRoundsReWarmAndAWarmUpAloneKeepTheMixAndTheTransport() {
        RunPlan plan = ScenarioParser.parse("""
                name: s
                runs:
                  - name: r
                    base-url: http://127.0.0.1:9
                    http2: true
                    warmup: 7s
                    stages: [{rate: 200, duration: 5s}, {ramp-to: 1000, over: 5s}]
                    requests:
                      - {name: a, weight: 3, get: /a}
                      - {name: b, weight: 1, get: /b}
                """, "s.yaml", dir);
        LoadConfig load = plan.runs().get(0).load();

        LoadConfig rewarm = load.withWarmup(Duration.ofSeconds(1));
        assertThat(rewarm.warmup()).isEqualTo(Duration.ofSeconds(1));
        assertThat(rewarm.mix()).isEqualTo(load.mix());
        assertThat(rewarm.transport()).isEqualTo(load.transport());
        assertThat(rewarm.stages()).isEqualTo(load.stages());

        LoadConfig warm = load.warmupOnly();
        assertThat(warm.mix().names()).containsExactly("a", "b");
        assertThat(warm.transport()).isEqualTo(load.transport());
        assertThat(warm.warmup()).isEqualTo(Duration.ofSeconds(7));
        assertThat(warm.requests()).isEqualTo(1L);
        assertThat(warm.staged()).isFalse();
        assertThat(warm.ratePerSecond()).isEqualTo(200.0); // the first stage's level
    }
}
