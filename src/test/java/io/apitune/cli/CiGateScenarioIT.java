package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's own performance gates, run in-process exactly as CI runs them, measured in
 * interleaved rounds and judged on confidence intervals: {@code scenarios/ci-gate.yaml} (relative
 * gates only, about 30 s) and {@code scenarios/techniques.yaml} (about a minute).
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
        assertThat(r.out()).contains("gates: 4 passed, 0 failed", "== ci-gate: round 6/");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("kind").asText()).isEqualTo("scenario");
        assertThat(report.get("runs")).extracting(run -> run.get("name").asText())
                .containsExactly("blocking", "async", "cached");
        assertThat(report.get("gates")).allMatch(g -> g.get("passed").asBoolean())
                .allMatch(g -> g.get("interval").get("rounds").asInt() >= 6);
        assertThat(report.get("rounds").asInt()).isBetween(6, 10);
        for (String run : new String[] {"blocking", "async", "cached"}) {
            assertThat(out.resolve(run).resolve("report.json")).exists();
            assertThat(out.resolve(run).resolve("latency.hlog")).exists();
            assertThat(out.resolve(run).resolve("round-06").resolve("latency.hlog")).exists();
        }
    }

    @Test
    void techniquesScenarioPasses() throws Exception {
        Path out = tmp.resolve("techniques");
        Cli.Result r = Cli.run("run", "scenarios/techniques.yaml", "--quiet", "--out", out.toString());
        // Closed-model runs share the 2 cores with their servers: on a busy host a gate may stay
        // undecided (exit 5: its interval straddles the limit, or the generator limited a run
        // and its delay could flip the gate), but it never fails. On a quiet host all pass.
        assertThat(r.exitCode()).as(r.out() + r.err()).isIn(0, 5);
        boolean virtual = Runtime.version().feature() >= 21;
        int gates = virtual ? 6 : 4;
        if (r.exitCode() == 0) {
            assertThat(r.out()).contains("gates: " + gates + " passed, 0 failed");
        } else {
            assertThat(r.out()).contains(" passed, 0 failed, ", "INCONCLUSIVE");
        }
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("gates")).allMatch(g -> g.has("interval"));
    }
}
