package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's own performance gate: {@code scenarios/ci-gate.yaml} run in-process exactly as
 * CI runs it, with relative gates only. About 20 s.
 */
class CiGateScenarioIT {
    @TempDir
    Path tmp;

    @Test
    void ciGateScenarioPasses() throws Exception {
        Path out = tmp.resolve("ci-gate");
        Cli.Result r = Cli.run("run", "scenarios/ci-gate.yaml", "--quiet", "--out", out.toString(),
                "--junit", tmp.resolve("ci-gate.xml").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("gates: 4 passed, 0 failed");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("kind").asText()).isEqualTo("scenario");
        assertThat(report.get("runs")).extracting(run -> run.get("name").asText())
                .containsExactly("blocking", "async", "cached");
        assertThat(report.get("gates")).allMatch(g -> g.get("passed").asBoolean());
        for (String run : new String[] {"blocking", "async", "cached"}) {
            assertThat(out.resolve(run).resolve("report.json")).exists();
            assertThat(out.resolve(run).resolve("latency.hlog")).exists();
        }
    }
}
