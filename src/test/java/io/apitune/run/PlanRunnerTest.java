package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.apitune.gate.GateCheck;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.ModeRow;
import io.apitune.scenario.ScenarioParser;

class PlanRunnerTest {
    private static final String YAML = """
            name: model
            defaults: { duration: 1s }
            runs:
              - { name: slow, mode: blocking }
              - { name: fast, mode: async }
            gates:
              - fast.throughput >= 3 * slow.throughput
              - p99 < 100ms
            """;

    @TempDir
    Path dir;

    private final ModelDriver driver = new ModelDriver(
            spec -> spec.name().equals("slow") ? 300 : 25,
            spec -> spec.name().equals("slow") ? 200 : 900);

    @Test
    void runsInOrderEvaluatesGatesAndWritesTheCombinedReport() throws Exception {
        RunPlan scenario = ScenarioParser.parse(YAML, "m.yaml", dir);
        Path junit = dir.resolve("junit.xml");
        GateCheck gates = new GateCheck(scenario.gates(), null, junit);
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = new PlanRunner(driver, new PrintWriter(text), CombinedReport.SCENARIO)
                .run(scenario, gates, dir.resolve("out"));

        assertThat(driver.executed).extracting(RunSpec::name).containsExactly("slow", "fast");
        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.gates()).extracting(r -> r.gate() + "@" + r.run() + "=" + r.passed())
                .containsExactly("fast.throughput >= 3 * slow.throughput@fast=true",
                        "p99 < 100ms@slow=false", "p99 < 100ms@fast=true");
        assertThat(text.toString()).contains("== model: run 1/2: slow (mode blocking)",
                "== model: run 2/2: fast (mode async)", "gates: 2 passed, 1 failed");
        JsonNode doc = new ObjectMapper().readTree(outcome.reportFile().toFile());
        assertThat(doc.get("kind").asText()).isEqualTo("scenario");
        assertThat(doc.get("runs")).extracting(r -> r.get("dir").asText()).containsExactly("slow", "fast");
        assertThat(doc.get("gates")).hasSize(3);
        assertThat(doc.get("passed").asBoolean()).isFalse();
        assertThat(dir.resolve("out/slow/report.json")).exists();
        assertThat(Files.readString(junit)).contains("tests=\"3\" failures=\"1\"");
    }

    @Test
    void anInterruptedRunSkipsTheRestAndNeverPasses() throws Exception {
        RunPlan scenario = ScenarioParser.parse(YAML, "m.yaml", dir);
        driver.interruptAt = "slow";
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = new PlanRunner(driver, new PrintWriter(text), CombinedReport.SCENARIO)
                .run(scenario, new GateCheck(scenario.gates(), null, null), dir.resolve("out"));
        assertThat(driver.executed).hasSize(1);
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.gates()).isEmpty();
        assertThat(text.toString()).contains("interrupted: remaining runs skipped, gates not evaluated");
        JsonNode doc = new ObjectMapper().readTree(outcome.reportFile().toFile());
        assertThat(doc.get("interrupted").asBoolean()).isTrue();
    }

    @Test
    void virtualRunsAreSkippedWithTheirGatesWhereTheJvmLacksVirtualThreads() {
        RunPlan scenario = ScenarioParser.parse("name: v\nruns:\n  - {name: async, mode: async}\n"
                + "  - {name: virtual, mode: virtual}\ngates:\n  - virtual.p99 <= async.p99\n"
                + "  - async.p99 < 1s\n", "v.yaml", dir);
        StringWriter text = new StringWriter();
        PlanRunner.Outcome outcome = new PlanRunner(driver, new PrintWriter(text), CombinedReport.SCENARIO)
                .run(scenario, new GateCheck(scenario.gates(), null, null), dir.resolve("out"));
        assertThat(outcome.exitCode()).isZero();
        if (Runtime.version().feature() < 21) {
            assertThat(driver.executed).extracting(RunSpec::name).containsExactly("async");
            assertThat(text.toString()).contains("skipped: mode 'virtual' needs Java 21 or newer",
                    "skipped gate: virtual.p99 <= async.p99 (names a skipped run)");
            assertThat(outcome.gates()).extracting(r -> r.gate()).containsExactly("async.p99 < 1s");
        } else {
            assertThat(driver.executed).extracting(RunSpec::name).containsExactly("async", "virtual");
            assertThat(outcome.gates()).hasSize(2);
        }
    }

    @Test
    void compareRowsCarryTheCacheHitRatioWhereItApplies() {
        RunPlan scenario = ScenarioParser.parse("name: c\nruns:\n  - {name: async, mode: async}\n"
                + "  - {name: cached, mode: cached}\n", "c.yaml", dir);
        List<RunResult> results = scenario.runs().stream()
                .map(spec -> driver.run(spec, dir.resolve(spec.name()))).toList();
        List<ModeRow> rows = CompareTable.rows(results);
        assertThat(rows.get(0).cacheHitRatio()).isNull();
        assertThat(rows.get(1).cacheHitRatio()).isEqualTo(0.9);
        assertThat(rows.get(1).p99()).isEqualTo(25);
        StringWriter text = new StringWriter();
        CompareTable.print(rows, new PrintWriter(text));
        String[] lines = text.toString().strip().split("\n");
        assertThat(lines[0]).contains("run", "goodput", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "KO", "cache hit", "theory");
        assertThat(lines[1]).startsWith("async").contains("900.0/s", "12.500", "25.000", "0.00%").endsWith("-");
        // the model's runs carry no theory block: its column says so
        assertThat(lines[2]).startsWith("cached").contains("90.00%").endsWith("-");
    }
}
