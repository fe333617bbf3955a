package io.apitune.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.apitune.gate.GateResult;
import io.apitune.gate.Quantity;

class CombinedReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesRunsAndGatesAtomically(@TempDir Path dir) throws Exception {
        Instant start = Instant.parse("2026-11-27T01:15:00Z");
        String runId = CombinedReport.runId(start, "ci gate");
        assertThat(runId).isEqualTo("20261127-011500-ci_gate");
        CombinedReport report = new CombinedReport("scenario", runId, "ci gate", start);
        report.addRun(JSON.readTree("{\"name\":\"a\",\"interrupted\":false,\"environment\":{\"cores\":2}}"));
        report.addRun(JSON.readTree("{\"name\":\"b\",\"interrupted\":true}"));
        report.gates(List.of(new GateResult("a.p99 < 1s", "a", 5, 1000, Quantity.DURATION_MS, "", true)));
        Path file = report.write(dir.resolve(runId), start.plusSeconds(3));

        JsonNode doc = JSON.readTree(file.toFile());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("kind").asText()).isEqualTo("scenario");
        assertThat(doc.get("interrupted").asBoolean()).isTrue();
        assertThat(doc.get("runs")).hasSize(2);
        assertThat(doc.at("/environment/cores").asInt()).isEqualTo(2);
        assertThat(doc.at("/gates/0/limit").asDouble()).isEqualTo(1000);
        assertThat(doc.get("passed").asBoolean()).isTrue();
        assertThat(doc.get("endTime").asText()).isEqualTo("2026-11-27T01:15:03Z");
        try (var files = Files.list(dir.resolve(runId))) {
            assertThat(files).containsExactly(file);
        }
    }
}
