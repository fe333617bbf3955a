package io.apitune.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.apitune.ApituneException;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateParser;
import io.apitune.gate.GateResult;
import org.junit.jupiter.api.Test;

/** Gate references on JMH scores: plain names, param-qualified names, group members, names-only checks. */
class JmhMetricsTest {
    private static JmhResult result(String name, Map<String, String> params, double score) {
        return new JmhResult("io.apitune.jmh." + name, name, "avgt", params, score, 1.0, "ns/op", 5, Map.of());
    }

    private static final List<JmhResult> SINGLE_SIZE = List.of(
            result("CacheBench.hit", Map.of("cacheSize", "1000"), 20),
            result("CacheBench.miss", Map.of("cacheSize", "1000"), 300));

    private static List<GateResult> evaluate(List<JmhResult> results, String... gates) {
        return new GateEvaluator(JmhMetrics.of(results), null).evaluate(GateParser.parseAll(List.of(gates)));
    }

    @Test
    void relativeGateOnPlainNamesPassesAndFails() {
        List<GateResult> verdicts = evaluate(SINGLE_SIZE,
                "CacheBench.hit < 0.5 * CacheBench.miss", "CacheBench.miss < CacheBench.hit");
        assertThat(verdicts).extracting(GateResult::passed).containsExactly(true, false);
        assertThat(verdicts.get(0).measured()).isEqualTo(20.0);
        assertThat(verdicts.get(0).limit()).isEqualTo(150.0);
        assertThat(verdicts.get(0).unit()).isEqualTo("ns/op");
        assertThat(verdicts.get(0).run()).isEqualTo("CacheBench");
    }

    @Test
    void severalParamCombinationsNeedTheParamValues() {
        List<JmhResult> twoSizes = List.of(result("CacheBench.hit", Map.of("cacheSize", "1000"), 20),
                result("CacheBench.hit", Map.of("cacheSize", "100000"), 40));
        assertThat(evaluate(twoSizes, "CacheBench.hit.100000 < 2 * CacheBench.hit.1000"))
                .singleElement().satisfies(v -> {
                    assertThat(v.measured()).isEqualTo(40.0);
                    assertThat(v.passed()).isFalse();
                });
        assertThatThrownBy(() -> evaluate(twoSizes, "CacheBench.hit < 100"))
                .isInstanceOf(ApituneException.class)
                .hasMessageContaining("unknown metric 'hit'")
                .hasMessageContaining("CacheBench.hit.1000");
    }

    @Test
    void onlyVaryingParamsAreNeededButAllValuesWorkToo() {
        List<JmhResult> zipfOnly = List.of(
                result("KeyBench.nextKey", Map.of("keys", "1000", "distribution", "zipf"), 80),
                result("KeyBench.nextKey", Map.of("keys", "1000", "distribution", "uniform"), 8));
        assertThat(evaluate(zipfOnly, "KeyBench.nextKey.zipf < 20 * KeyBench.nextKey.uniform",
                "KeyBench.nextKey.zipf.1000 > KeyBench.nextKey.uniform.1000"))
                .extracting(GateResult::passed).containsExactly(true, true);
        assertThat(evaluate(List.of(SINGLE_SIZE.get(0)), "CacheBench.hit.1000 == CacheBench.hit"))
                .singleElement().extracting(GateResult::passed).isEqualTo(true);
    }

    @Test
    void groupMembersAreMetricsToo() {
        JmhResult group = new JmhResult("io.apitune.jmh.RecorderBench.whileSwapping", "RecorderBench.whileSwapping",
                "avgt", Map.of(), 500, null, "ns/op", 2, Map.of("record", 40.0, "swap", 960.0));
        assertThat(evaluate(List.of(group), "RecorderBench.record < 0.1 * RecorderBench.swap"))
                .singleElement().extracting(GateResult::passed).isEqualTo(true);
    }

    @Test
    void namesOnlyChecksAgainstTheCompiledBenchmarkList() {
        var entries = JmhRunner.matching(List.of("CacheBench"));
        var gates = GateParser.parseAll(List.of("CacheBench.hit < 0.5 * CacheBench.miss"));
        GateEvaluator withOneSize = new GateEvaluator(
                JmhMetrics.namesOnly(entries, Map.of("cacheSize", List.of("1000"))), null);
        assertThat(withOneSize.evaluate(gates)).singleElement()
                .satisfies(v -> assertThat(v.measured()).isNaN());

        GateEvaluator declared = new GateEvaluator(JmhMetrics.namesOnly(entries, Map.of()), null);
        assertThatThrownBy(() -> declared.evaluate(gates)).hasMessageContaining("unknown metric 'hit'");
        assertThat(declared.evaluate(GateParser.parseAll(List.of("CacheBench.hit.10000 < CacheBench.miss.10000"))))
                .hasSize(1);
        assertThatThrownBy(() -> declared.evaluate(GateParser.parseAll(List.of("JsonBench.item < 5"))))
                .isInstanceOf(ApituneException.class).hasMessageContaining("needs a run name");
    }
}
