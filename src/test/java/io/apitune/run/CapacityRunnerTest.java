package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.apitune.gate.CapacitySearch;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateParser;
import io.apitune.scenario.ScenarioParser;

class CapacityRunnerTest {
    @TempDir
    Path dir;

    /** A server that keeps p99 at 20 ms up to 200/s and queues beyond. */
    private final ModelDriver driver = new ModelDriver(
            spec -> spec.load().ratePerSecond() <= 200 ? 20 : 500,
            spec -> Math.min(200, spec.load().ratePerSecond()));

    private RunSpec base() {
        return ScenarioParser.parse("name: c\nruns:\n  - {name: blocking, mode: blocking, rate: 1, "
                + "duration: 1s}\n", "c.yaml", dir).runs().get(0);
    }

    @Test
    void recordsTheCurveAndTheAnswer() throws Exception {
        GateCheck slo = new GateCheck(List.of(GateParser.parse("p99 < 50ms"),
                GateParser.parse("errors <= 0.1%")), null, null);
        StringWriter text = new StringWriter();
        CapacityRunner.Outcome outcome = new CapacityRunner(driver,
                new CapacitySearch(50, 100_000, 0.05, 12), new PrintWriter(text))
                .run(base(), slo, "p99<50ms", dir.resolve("cap"));

        assertThat(outcome.answerPerSecond()).isBetween(200 / 1.05, 200.0);
        assertThat(outcome.converged()).isTrue();
        assertThat(driver.executed).extracting(s -> s.load().ratePerSecond())
                .startsWith(50.0, 100.0, 200.0, 400.0, 300.0);
        assertThat(driver.executed).extracting(RunSpec::name).startsWith("step01", "step02");
        assertThat(text.toString()).contains("capacity step: rate 400.0/s", "misses SLO",
                "capacity: 200.0/s meets p99<50ms (converged within 5% after");
        JsonNode doc = new ObjectMapper().readTree(outcome.reportFile().toFile());
        assertThat(doc.get("kind").asText()).isEqualTo("capacity");
        assertThat(doc.get("slo").asText()).isEqualTo("p99<50ms");
        assertThat(doc.at("/answer/rate").asDouble()).isEqualTo(200.0);
        assertThat(doc.get("steps")).hasSize(outcome.steps());
        assertThat(doc.at("/steps/3/p99").asDouble()).isEqualTo(500);
        assertThat(doc.at("/steps/3/passed").asBoolean()).isFalse();
        assertThat(doc.get("runs")).hasSize(outcome.steps());
        assertThat(dir.resolve("cap/step01/report.json")).exists();
    }

    @Test
    void interruptionStopsTheSearchAndKeepsTheCurve() {
        driver.interruptAt = "step02";
        GateCheck slo = new GateCheck(List.of(GateParser.parse("p99 < 50ms")), null, null);
        CapacityRunner.Outcome outcome = new CapacityRunner(driver,
                new CapacitySearch(50, 1000, 0.05, 12), new PrintWriter(new StringWriter()))
                .run(base(), slo, "p99<50ms", dir.resolve("cap"));
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.steps()).isEqualTo(2);
        assertThat(outcome.answerPerSecond()).isNaN();
    }
}
