package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.report.Reports;
import io.apitune.report.model.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A gate on a run the load generator limited is decided when the generator's delay cannot have
 * flipped it (that delay only makes a target look slower), and inconclusive when it could.
 */
class GeneratorBiasTest {
    /** A run of 10 s whose generator was stalled {@code stalledMs} and limited for {@code causes}. */
    static RunReport limited(String name, double p50, double p99, double throughput, double stalledMs,
            String... causes) {
        ObjectNode doc = ReportFixtures.runJson(name, p50, p99, throughput, 0, 10_000);
        ObjectNode results = (ObjectNode) doc.get("results");
        results.put("ok", 10_000).put("targetRate", 1000.0);
        ObjectNode g = results.putObject("generator");
        g.put("limited", causes.length > 0).put("stalledMillis", stalledMs).put("reason", "stalled")
                .put("advice", "more cores");
        g.putArray("causes").addAll(List.of(causes).stream()
                .map(c -> (com.fasterxml.jackson.databind.JsonNode) Reports.MAPPER.getNodeFactory().textNode(c)).toList());
        g.putObject("sendLag").put("count", 10_000).put("p50", 0.01).put("p75", 0.01).put("p90", 0.02)
                .put("p99", 0.05).put("p99.9", 0.2).put("p99.99", 0.5).put("max", 0.6);
        return ReportFixtures.typed(doc, RunReport.class);
    }

    private static GateResult eval(String gate, RunReport... runs) {
        Map<String, RunReport> byName = new java.util.LinkedHashMap<>();
        for (RunReport r : runs) {
            byName.put(r.name(), r);
        }
        return new GateEvaluator(ReportMetrics.ofRuns(byName), null).evaluate(GateParser.parse(gate)).get(0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // a limited run stalled 1 % of 10 s: p99's tail (1 %) is inside 2 x 1 %, p50's is not
        "a.p50 < 10ms                       | PASS",
        "a.p50 < 1ms                        | FAIL",
        "a.p99 < 100ms                      | PASS",
        "a.p99 < 10ms                       | INCONCLUSIVE",
        // the generator only raised the touched 2 %: true p99 >= measured p97, read at p90 (7.5)
        "a.p99 < 5ms                        | FAIL",
        "a.p99.9 < 7ms                      | FAIL",
        "a.p99.9 < 60ms                     | INCONCLUSIVE",
        "a.p99 > 10ms                       | INCONCLUSIVE",
        "a.p99 > 100ms                      | FAIL",
        "a.throughput >= 900/s              | PASS",
        "b.p99 <= 0.5 * a.p99               | INCONCLUSIVE",
        "b.p99 <= 0.01 * a.p99              | FAIL",
        "a.p99 <= 10 * b.p99                | PASS",
        "a.p99 <= 1.1 * b.p99               | INCONCLUSIVE",
        "b.p50 <= 0.5 * a.p50               | PASS"})
    void decidesWhatTheGeneratorCannotHaveFlipped(String gate, Outcome expected) {
        RunReport a = limited("a", 5, 50, 1000, 100, "stalls");
        RunReport b = limited("b", 2, 20, 1000, 0);
        assertThat(eval(gate, a, b).outcome()).isEqualTo(expected);
    }

    @Test
    void connectionsLimitTheTargetNotTheMeasurement() {
        RunReport a = limited("a", 5, 50, 1000, 0, "connections");
        assertThat(eval("a.p99 < 10ms", a).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void aSaturatedOrShortGeneratorLeavesLatencyAndThroughputInDoubt() {
        RunReport cpu = limited("a", 5, 50, 1000, 0, "cpu");
        assertThat(eval("a.p50 < 1ms", cpu).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(eval("a.throughput >= 2000/s", cpu).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        RunReport shortfall = limited("a", 5, 50, 1000, 0, "shortfall");
        assertThat(eval("a.p50 < 10ms", shortfall).outcome()).as("unsent requests could have been slow")
                .isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(eval("a.throughput < 2000/s", shortfall).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void allowLimitedDecidesEverything() {
        RunReport a = limited("a", 5, 50, 1000, 100, "stalls");
        GateResult r = new GateEvaluator(ReportMetrics.ofRuns(Map.of("a", a)), null, true)
                .evaluate(GateParser.parse("a.p99 < 10ms")).get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(eval("a.p99 < 10ms", a).reason()).contains("the load generator limited run a: stalled");
    }
}
