package io.apitune.jmh.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.gate.GateResult;
import io.apitune.gate.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhSummaryWriterTest {
    private static final JmhResult HIT = new JmhResult("io.apitune.jmh.CacheBench.hit", "CacheBench.hit", "avgt",
            Map.of("cacheSize", "1000"), 21.5, 0.25, "ns/op", 5, Map.of());
    private static final JmhResult GROUP = new JmhResult("io.apitune.jmh.RecorderBench.whileSwapping",
            "RecorderBench.whileSwapping", "avgt", Map.of(), 1234.5678, null, "ns/op", 2,
            Map.of("record", 30.0));

    @Test
    void shortNameKeepsClassAndMethod() {
        assertThat(JmhResult.shortName("io.apitune.jmh.CacheBench.hit")).isEqualTo("CacheBench.hit");
        assertThat(JmhResult.shortName("Bench.m")).isEqualTo("Bench.m");
    }

    @Test
    void tableAlignsColumnsAndListsGroupMembers() {
        List<String> lines = JmhSummaryWriter.table(List.of(HIT, GROUP)).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Benchmark").endsWith("Units");
        assertThat(lines.get(1)).contains("CacheBench.hit", "cacheSize=1000", "21.500", "± 0.250");
        assertThat(lines.get(2)).contains("RecorderBench.whileSwapping", "1234.568").doesNotContain("±");
        assertThat(lines.get(3)).contains("RecorderBench.whileSwapping:record", "30.000");
        assertThat(lines.stream().map(l -> l.indexOf("avgt")).filter(i -> i >= 0).distinct()).hasSize(1);
    }

    @Test
    void writesVersionedJsonAndTextAtomically(@TempDir Path tmp) throws Exception {
        Path dir = RunDirectory.create(tmp, Instant.parse("2026-11-27T01:02:03Z"), "jmh");
        assertThat(dir.getFileName()).hasToString("20261127-010203-jmh");
        JmhRun run = new JmhRun(dir.getFileName().toString(), dir, Instant.EPOCH, Instant.EPOCH.plusSeconds(5),
                true, List.of("CacheBench"), List.of(HIT, GROUP),
                List.of(new GateResult("CacheBench.hit < 100", "CacheBench", 21.5, 100, Quantity.PLAIN, "ns/op", true)));
        JmhSummaryWriter.write(run);

        JsonNode json = new ObjectMapper().readTree(dir.resolve(JmhRun.SUMMARY_JSON).toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(JmhSummaryWriter.SCHEMA_VERSION);
        assertThat(json.get("kind").asText()).isEqualTo("jmh");
        assertThat(json.get("results")).hasSize(2);
        assertThat(json.get("results").get(0).get("score").asDouble()).isEqualTo(21.5);
        assertThat(json.get("results").get(1).get("scoreError").isNull()).isTrue();
        assertThat(json.get("gates").get(0).get("passed").asBoolean()).isTrue();
        assertThat(json.get("gates").get(0).get("unit").asText()).isEqualTo("ns/op");
        assertThat(json.get("environment").get("cores").asInt()).isPositive();
        assertThat(Files.readString(dir.resolve(JmhRun.SUMMARY_TEXT))).contains("CacheBench.hit");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void secondRunInTheSameSecondGetsItsOwnDirectory(@TempDir Path tmp) {
        Instant now = Instant.parse("2026-11-27T01:02:03Z");
        Path first = RunDirectory.create(tmp, now, "jmh");
        Path second = RunDirectory.create(tmp, now, "jmh");
        assertThat(second).isNotEqualTo(first);
        assertThat(second.getFileName()).hasToString("20261127-010203-jmh-2");
    }
}
