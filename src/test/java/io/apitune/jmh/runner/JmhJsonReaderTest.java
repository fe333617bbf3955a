package io.apitune.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.apitune.ApituneException;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateParser;
import io.apitune.gate.GateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH JSON read back as a baseline: the fields gates need, and files that are not JMH JSON. */
class JmhJsonReaderTest {
    /** The shape JMH 1.37 writes (abridged to the fields apitune reads plus a few it ignores). */
    private static final String JMH_JSON = """
            [ {
                "jmhVersion" : "1.37", "benchmark" : "io.apitune.jmh.CacheBench.hit", "mode" : "avgt",
                "threads" : 1, "forks" : 1, "params" : { "cacheSize" : "1000" },
                "primaryMetric" : { "score" : 20.5, "scoreError" : 1.5, "scoreUnit" : "ns/op",
                                    "rawData" : [ [ 20.0, 21.0 ] ] },
                "secondaryMetrics" : { }
            }, {
                "jmhVersion" : "1.37", "benchmark" : "io.apitune.jmh.RecorderBench.whileSampling",
                "mode" : "avgt", "threads" : 2, "forks" : 1,
                "primaryMetric" : { "score" : 500.0, "scoreError" : "NaN", "scoreUnit" : "ns/op",
                                    "rawData" : [ [ 500.0 ] ] },
                "secondaryMetrics" : { "record" : { "score" : 40.0, "scoreUnit" : "ns/op" },
                                       "sample" : { "score" : 960.0, "scoreUnit" : "ns/op" } }
            } ]
            """;

    @Test
    void readsScoresParamsAndGroupMembers(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("jmh.json"), JMH_JSON);
        List<JmhResult> results = JmhJsonReader.read(file, "--baseline");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).name()).isEqualTo("CacheBench.hit");
        assertThat(results.get(0).params()).containsEntry("cacheSize", "1000");
        assertThat(results.get(0).score()).isEqualTo(20.5);
        assertThat(results.get(0).scoreError()).isEqualTo(1.5);
        assertThat(results.get(1).scoreError()).isNull();
        assertThat(results.get(1).secondary()).containsEntry("sample", 960.0);
    }

    @Test
    void baselineGatesCompareWithTheStoredScore(@TempDir Path tmp) throws Exception {
        JmhMetrics baseline = JmhMetrics.of(JmhJsonReader.read(Files.writeString(tmp.resolve("b.json"), JMH_JSON), "--baseline"));
        JmhMetrics current = JmhMetrics.of(List.of(new JmhResult("io.apitune.jmh.CacheBench.hit", "CacheBench.hit",
                "avgt", java.util.Map.of("cacheSize", "1000"), 30.0, 1.0, "ns/op", 5, java.util.Map.of())));
        List<GateResult> verdicts = new GateEvaluator(current, baseline).evaluate(GateParser.parseAll(
                List.of("CacheBench.hit <= baseline * 1.2", "CacheBench.hit <= baseline * 1.5")));
        assertThat(verdicts).extracting(GateResult::limit).containsExactly(20.5 * 1.2, 20.5 * 1.5);
        assertThat(verdicts).extracting(GateResult::passed).containsExactly(false, true);
    }

    @Test
    void notJmhJsonIsInvalidInputNamingTheFile(@TempDir Path tmp) throws Exception {
        Path report = Files.writeString(tmp.resolve("report.json"), "{\"schemaVersion\":1}");
        assertThatThrownBy(() -> JmhJsonReader.read(report, "--baseline")).isInstanceOf(ApituneException.class)
                .hasMessageContaining("--baseline").hasMessageContaining("report.json")
                .hasMessageContaining("not a JMH JSON result");
        Path missing = tmp.resolve("missing.json");
        assertThatThrownBy(() -> JmhJsonReader.read(missing, "--baseline"))
                .hasMessageContaining("cannot read").hasMessageContaining("missing.json");
        Path incomplete = Files.writeString(tmp.resolve("x.json"), "[{\"benchmark\":\"a.B.c\"}]");
        assertThatThrownBy(() -> JmhJsonReader.read(incomplete, "--baseline"))
                .hasMessageContaining("primaryMetric.score");
    }
}
