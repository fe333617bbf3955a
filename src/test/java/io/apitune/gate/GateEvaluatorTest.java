package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.apitune.ApituneException;
import io.apitune.report.Reports;
import io.apitune.report.model.RunReport;

class GateEvaluatorTest {
    private static final ReportMetrics SCENARIO = ReportMetrics.of(ReportFixtures.scenario(
            ReportFixtures.run("blocking", 40, 400, 190, 50, 10_000),
            ReportFixtures.run("async", 21, 30, 990, 0, 10_000),
            ReportFixtures.run("cached", 0.5, 2, 1000, 0, 10_000)));

    private static List<GateResult> eval(String gate) {
        return new GateEvaluator(SCENARIO, null).evaluate(GateParser.parse(gate));
    }

    private static boolean passes(String gate) {
        return GateTable.allPassed(eval(gate));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "async.p99 < 30ms         | false", "async.p99 < 30.001ms  | true",
        "async.p99 <= 30ms        | true",  "async.p99 <= 29.99ms  | false",
        "async.p99 > 30ms         | false", "async.p99 > 0.029s    | true",
        "async.p99 >= 30000us     | true",  "async.p99 >= 30.01ms  | false",
        "async.p99 == 30ms        | true",  "async.p99 == 31ms     | false",
    })
    void everyOperatorAtItsBoundary(String gate, boolean expected) {
        assertThat(passes(gate)).isEqualTo(expected);
    }

    @Test
    void unitsAndPercentagesConvertToTheMetricsScale() {
        assertThat(passes("blocking.errors < 0.6%")).isTrue();     // 50 / 10000 = 0.5 %
        assertThat(passes("blocking.errors < 0.4%")).isFalse();
        assertThat(passes("blocking.errors <= 0.005")).isTrue();    // a bare fraction
        assertThat(passes("blocking.errorCount == 50")).isTrue();
        assertThat(passes("async.throughput > 900/s")).isTrue();
        assertThat(passes("blocking.throughput > 900")).isFalse();
        assertThat(passes("blocking.p99.9 == 600ms")).isTrue();
        assertThat(passes("blocking.service.p99 == 200ms")).isTrue();
        assertThat(passes("cached.p99 < 2.5ms")).isTrue();
    }

    @Test
    void relativeGatesCompareRunsSideBySide() {
        GateResult r = eval("async.throughput >= 3 * blocking.throughput").get(0);
        assertThat(r.passed()).isTrue();
        assertThat(r.run()).isEqualTo("async");
        assertThat(r.measured()).isEqualTo(990);
        assertThat(r.limit()).isEqualTo(570);
        assertThat(passes("async.throughput >= 6 * blocking.throughput")).isFalse();
        assertThat(passes("cached.p99 <= 0.5 * async.p99")).isTrue();
        assertThat(passes("blocking.p99 <= async.p99 * 0.5")).isFalse();
    }

    @Test
    void unqualifiedGatesApplyToEveryRun() {
        List<GateResult> results = eval("p99 < 100ms");
        assertThat(results).extracting(GateResult::run).containsExactly("blocking", "async", "cached");
        assertThat(results).extracting(GateResult::passed).containsExactly(false, true, true);
        // The right side without a run means the same run as the left side.
        assertThat(eval("p99 <= 10 * p50")).extracting(GateResult::passed)
                .containsExactly(true, true, true);
    }

    @Test
    void resultsShowPercentagesAndUnits() {
        GateResult r = eval("blocking.errors < 0.1%").get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.measuredDisplay()).isCloseTo(0.5, within(1e-9));
        assertThat(r.limitDisplay()).isCloseTo(0.1, within(1e-9));
        assertThat(r.unit()).isEqualTo("%");
        assertThat(Reports.MAPPER.valueToTree(r.toVerdict()).toString()).isEqualTo("{\"gate\":\"blocking.errors < 0.1%\","
                + "\"run\":\"blocking\",\"measured\":0.5,\"limit\":0.1,\"unit\":\"%\",\"passed\":false,"
                + "\"outcome\":\"fail\"}");
    }

    @Test
    void baselineGatesUseTheSameMetricOfTheBaseline() {
        ReportMetrics baseline = ReportMetrics.of(ReportFixtures.run("old", 20, 27, 1000, 0, 10_000));
        GateEvaluator evaluator = new GateEvaluator(SCENARIO, baseline);
        GateResult r = evaluator.evaluate(GateParser.parse("async.p99 <= baseline * 1.10")).get(0);
        assertThat(r.limit()).isCloseTo(29.7, within(1e-9));
        assertThat(r.passed()).isFalse();
        assertThat(evaluator.evaluate(GateParser.parse("async.p99 <= baseline * 1.2")).get(0).passed())
                .isTrue();
        // A combined baseline is matched run by run.
        GateEvaluator byRun = new GateEvaluator(SCENARIO, SCENARIO);
        assertThat(byRun.evaluate(GateParser.parse("throughput >= 0.9 * baseline")))
                .extracting(GateResult::passed).containsExactly(true, true, true);
    }

    @Test
    void missingNumbersFailRatherThanPass() {
        var doc = ReportFixtures.runJson("empty", 1, 1, 0, 0, 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("results")).putNull("latency");
        List<GateResult> r = new GateEvaluator(ReportMetrics.of(ReportFixtures.typed(doc, RunReport.class)), null)
                .evaluate(GateParser.parse("p99 < 1h"));
        assertThat(r.get(0).passed()).isFalse();
        assertThat(r.get(0).toVerdict().measured()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p98 < 25ms                   | unknown metric 'p98' (known: p50, p75",
        "nosuch.p99 < 25ms            | unknown run 'nosuch' (runs: blocking, async, cached)",
        "async.p99 < blocking.nosuch  | unknown metric 'nosuch'",
        "p99 < 25                     | the limit's unit does not fit the metric (write a duration",
        "errors < 25ms                | (write a percentage such as 0.1%)",
        "throughput > 5%              | (write a rate such as 900/s)",
        "errorCount < 1s              | (write a plain number)",
        "async.p99 < 2 * async.throughput | compares 'ms' with '/s'",
        "p99 <= baseline * 1.1        | no --baseline report was given",
    })
    void unknownNamesAndMisfitUnitsAreInvalidInput(String gate, String message) {
        assertThatThrownBy(() -> new GateEvaluator(ReportMetrics.namesOnly(
                List.of("blocking", "async", "cached")), null).evaluate(GateParser.parse(gate)))
                .isInstanceOf(ApituneException.class)
                .hasMessageStartingWith("gate '" + gate.trim() + "': ")
                .hasMessageContaining(message)
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void namesOnlyValidationAcceptsGoodGatesWithoutValues() {
        List<GateResult> r = new GateEvaluator(ReportMetrics.namesOnly(List.of("a", "b")), null)
                .evaluate(GateParser.parse("a.p99.99 <= 2 * b.service.p99.99"));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).measured()).isNaN();
    }

    @Test
    void otherResolversPlugIn() {
        MetricResolver jmh = new MetricResolver() {
            @Override
            public Set<String> runs() {
                return Set.of("CacheBench");
            }

            @Override
            public List<String> defaultRuns() {
                return List.of();
            }

            @Override
            public Optional<Measured> lookup(String run, String metric) {
                return switch (metric) {
                    case "hit" -> Optional.of(new Measured(40, Quantity.PLAIN, "ns/op"));
                    case "miss" -> Optional.of(new Measured(100, Quantity.PLAIN, "ns/op"));
                    default -> Optional.empty();
                };
            }

            @Override
            public String knownMetrics() {
                return "hit, miss";
            }
        };
        GateEvaluator evaluator = new GateEvaluator(jmh, null);
        assertThat(evaluator.evaluate(GateParser.parse("CacheBench.hit < 0.5 * CacheBench.miss"))
                .get(0).passed()).isTrue();
        assertThatThrownBy(() -> evaluator.evaluate(GateParser.parse("hit < 5")))
                .hasMessageContaining("needs a run name (one of CacheBench)");
    }
}
