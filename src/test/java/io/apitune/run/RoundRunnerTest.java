package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.gate.GateCheck;
import io.apitune.gate.Outcome;
import io.apitune.report.Reports;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.RunReport;
import io.apitune.scenario.ScenarioParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans measured in interleaved rounds, against a model driver. */
class RoundRunnerTest {
    @TempDir
    Path dir;

    private final ModelDriver driver = new ModelDriver(spec -> spec.name().equals("b") ? 26 : 20, spec -> 100);

    private PlanRunner.Outcome run(String yaml, String kind, StringWriter text) {
        RunPlan plan = ScenarioParser.parse(yaml, "r.yaml", dir);
        return new PlanRunner(driver, new PrintWriter(text), kind)
                .run(plan, new GateCheck(plan.gates(), null, null), dir.resolve("out"));
    }

    @Test
    void roundsAlternateInABalancedOrderAndEachRunKeepsOneTargetAndEverySample() throws Exception {
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = run("""
                name: r
                rounds: 4
                defaults: { warmup: 3s, duration: 1s }
                runs:
                  - { name: a, mode: blocking }
                  - { name: b, mode: async }
                gates:
                  - b.p99 <= 1.05 * a.p99
                """, CombinedReport.COMPARE, text);

        assertThat(driver.executed).extracting(RunSpec::name).containsExactly("a", "b", "b", "a", "a", "b", "b", "a");
        // each target is warmed up once before round 1 (RoundTarget.warm); every round re-warms
        assertThat(driver.executed).extracting(s -> s.load().warmup()).containsOnly(RoundRunner.REWARM);
        assertThat(driver.warmed).containsExactly("a", "b");
        assertThat(driver.opened).containsExactly("a", "b");
        assertThat(driver.closed).containsExactlyInAnyOrder("a", "b");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.gates().get(0).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(text.toString()).contains("== r: warm-up: a 3s, b 3s", "== r: round 2/4: b, a", "ratio 1.300 [1.300, 1.300] vs 1.050",
                "b / a");

        RunReport b = Reports.readRun(dir.resolve("out/b/report.json"));
        assertThat(b.config() == null || b.config().warmupSeconds() == 3.0).isTrue();
        assertThat(b.rounds()).hasSize(4).extracting(r -> r.dir())
                .containsExactly("round-01", "round-02", "round-03", "round-04");
        assertThat(b.rounds()).extracting(r -> r.results().latency().get("p99").orElseThrow())
                .containsOnly(26.0);
        // merged: the four rounds' histograms added
        assertThat(b.results().latency().count()).isEqualTo(4000);
        assertThat(b.results().latency().get("p99").orElseThrow()).isCloseTo(26.0, org.assertj.core.api.Assertions.within(0.05));
        assertThat(b.results().requests()).isEqualTo(4000);
        assertThat(dir.resolve("out/b/round-03/latency.hlog")).exists();
        assertThat(dir.resolve("out/b/latency.hlog")).exists();
        assertThat(dir.resolve("out/b/report.html")).exists();

        JsonNode doc = new ObjectMapper().readTree(outcome.reportFile().toFile());
        assertThat(doc.get("rounds").asInt()).isEqualTo(4);
        assertThat(doc.get("ratios")).isNotEmpty();
        assertThat(doc.get("gates").get(0).get("interval").get("statistic").asText()).isEqualTo("ratio");
        assertThat(doc.get("runs").get(1).get("rounds")).hasSize(4);
    }

    @Test
    void aRoundTheGeneratorLimitedIsMeasuredOnceMoreAndItsFirstAttemptKeptAside() throws Exception {
        // b's second call (round 2) is limited and its p99 three times b's: an outlier of the tool
        driver.roundFactors.put("b", new double[] {1, 3, 1, 1, 1});
        driver.limitedCalls.put("b", java.util.Set.of(1));
        // a's third and fourth calls (round 3 and its new attempt) are both limited: the second is kept
        driver.limitedCalls.put("a", java.util.Set.of(2, 3));
        StringWriter text = new StringWriter();
        run("""
                name: r
                rounds: 3
                runs:
                  - { name: a, mode: blocking }
                  - { name: b, mode: async }
                """, CombinedReport.COMPARE, text);

        assertThat(driver.executed).extracting(RunSpec::name)
                .containsExactly("a", "b", "b", "b", "a", "a", "a", "b");
        assertThat(text.toString()).contains("(generator limited: measured again)");
        RunReport b = Reports.readRun(dir.resolve("out/b/report.json"));
        assertThat(b.rounds()).extracting(r -> r.results().latency().get("p99").orElseThrow())
                .containsOnly(26.0);
        assertThat(b.rounds().get(1).remeasured()).containsExactly("its I/O thread was stalled (model)");
        assertThat(b.rounds().get(0).remeasured()).isEmpty();
        assertThat(b.results().generator() == null || !b.results().generator().limited()).isTrue();
        assertThat(dir.resolve("out/b/round-02-limited/report.json")).exists();
        assertThat(dir.resolve("out/b/round-02/report.json")).exists();

        RunReport a = Reports.readRun(dir.resolve("out/a/report.json"));
        assertThat(a.rounds()).extracting(r -> r.remeasured().size()).containsExactly(0, 0, 1);
        assertThat(a.results().generator().limited()).isTrue();
        JsonNode round1 = new ObjectMapper().readTree(dir.resolve("out/a/report.json").toFile())
                .get("rounds").get(0);
        assertThat(round1.has("remeasured")).isFalse();
    }

    @Test
    void untilConclusiveAddsPairsOfRoundsWhileAGateStraddlesItsLimit() {
        driver.roundFactors.put("b", new double[] {0.77, 0.83});
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = run("""
                name: r
                rounds: 2
                until-conclusive: 5
                defaults: { duration: 1s }
                runs:
                  - { name: a, mode: blocking }
                  - { name: b, mode: async }
                gates:
                  - b.p99 <= 1.05 * a.p99
                """, CombinedReport.SCENARIO, text);
        // b / a alternates 1.001 and 1.079 round by round: the interval always straddles 1.05
        assertThat(driver.executed).hasSize(10);
        assertThat(text.toString()).contains("inconclusive after 2 rounds: running 2 more (at most 5)",
                "inconclusive after 4 rounds: running 1 more (at most 5)");
        assertThat(outcome.exitCode()).isEqualTo(5);
        assertThat(outcome.gates().get(0).interval().rounds()).isEqualTo(5);
    }

    @Test
    void aDecidedGateNeedsNoMoreRounds() {
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = run("""
                name: r
                rounds: 3
                until-conclusive: 9
                runs:
                  - { name: a, mode: blocking }
                  - { name: b, mode: async }
                gates:
                  - a.p99 <= b.p99
                """, CombinedReport.SCENARIO, text);
        assertThat(driver.executed).hasSize(6);
        assertThat(outcome.exitCode()).isZero();
        assertThat(text.toString()).doesNotContain("inconclusive after");
    }

    @Test
    void aSignalDuringARoundOrTheWarmUpStopsThePlanWithoutGates() throws Exception {
        String yaml = """
                name: r
                rounds: 4
                runs:
                  - { name: a, mode: blocking }
                  - { name: b, mode: async }
                gates:
                  - b.p99 <= 1.05 * a.p99
                """;
        driver.interruptAt = "b";
        PlanRunner.Outcome stopped = run(yaml, CombinedReport.SCENARIO, new StringWriter());
        assertThat(driver.executed).extracting(RunSpec::name).containsExactly("a", "b");
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.gates()).isEmpty();
        assertThat(new ObjectMapper().readTree(stopped.reportFile().toFile()).get("interrupted").asBoolean()).isTrue();
        assertThat(driver.closed).containsExactlyInAnyOrder("a", "b");

        ModelDriver warming = new ModelDriver(spec -> 20, spec -> 100);
        warming.stopWarmUp = true;
        RunPlan plan = ScenarioParser.parse(yaml, "r.yaml", dir);
        PlanRunner.Outcome cold = new PlanRunner(warming, new PrintWriter(new StringWriter()), CombinedReport.SCENARIO)
                .run(plan, new GateCheck(plan.gates(), null, null), dir.resolve("cold"));
        assertThat(warming.executed).isEmpty();
        assertThat(cold.exitCode()).isEqualTo(3);
        assertThat(cold.interrupted()).isTrue();
    }

    @Test
    void theOrderIsForwardInOddRoundsAndReversedInEvenOnes() {
        assertThat(RoundRunner.order(List.of("a", "b", "c"), 1)).containsExactly("a", "b", "c");
        assertThat(RoundRunner.order(List.of("a", "b", "c"), 2)).containsExactly("c", "b", "a");
    }
}
