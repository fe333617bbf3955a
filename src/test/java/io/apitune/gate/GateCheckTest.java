package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.ApituneException;

class GateCheckTest {
    @TempDir
    Path dir;

    @Test
    void flagGatesFollowFileGatesAndNameTheFlagOnSyntaxErrors() {
        List<Gate> all = GateCheck.combine(List.of(GateParser.parse("p99 < 1s")), List.of("p50 < 1s"));
        assertThat(all).extracting(Gate::text).containsExactly("p99 < 1s", "p50 < 1s");
        assertThatThrownBy(() -> GateCheck.combine(List.of(), List.of("p99 1s")))
                .isInstanceOf(ApituneException.class)
                .hasMessage("--gate: gate 'p99 1s': no comparison (use one of < <= > >= ==)");
    }

    @Test
    void baselineFromAFileAndExitCodes() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, ReportFixtures.runJson("cached", 1, 2, 1000, 0, 1000).toString());
        Path junit = dir.resolve("gates.xml");
        GateCheck check = new GateCheck(GateCheck.combine(List.of(),
                List.of("p99 <= baseline * 1.10", "errors < 0.1%")), baseline, junit);
        check.validate(java.util.Map.of("cached", List.of()));

        StringWriter out = new StringWriter();
        List<GateResult> worse = check.evaluate(ReportMetrics.of(
                ReportFixtures.run("cached", 1, 2.5, 1000, 0, 1000)));
        assertThat(check.report(worse, new PrintWriter(out), "suite")).isEqualTo(1);
        assertThat(out.toString()).contains("p99 <= baseline * 1.10", "2.500ms", "2.200ms", "FAIL");
        assertThat(Files.readString(junit)).contains("tests=\"2\" failures=\"1\"");

        List<GateResult> same = check.evaluate(ReportMetrics.of(
                ReportFixtures.run("cached", 1, 2.1, 1000, 0, 1000)));
        assertThat(check.report(same, new PrintWriter(new StringWriter()), "suite")).isZero();
        assertThat(Files.readString(junit)).contains("tests=\"2\" failures=\"0\"");
    }

    @Test
    void unreadableBaselinesAndUnknownNamesAreInvalidInput() throws Exception {
        assertThatThrownBy(() -> new GateCheck(List.of(), dir.resolve("nope.json"), null))
                .isInstanceOf(ApituneException.class).hasMessageStartingWith("--baseline: cannot read ");
        Path garbage = dir.resolve("garbage.json");
        Files.writeString(garbage, "[1, 2]");
        assertThatThrownBy(() -> new GateCheck(List.of(), garbage, null))
                .hasMessageEndingWith("garbage.json is not a report.json");
        GateCheck check = new GateCheck(GateCheck.combine(List.of(), List.of("async.p99 < 1s")), null, null);
        assertThatThrownBy(() -> check.validate(java.util.Map.of("cached", List.of())))
                .isInstanceOf(ApituneException.class)
                .hasMessageContaining("unknown run 'async' (runs: cached)");
    }
}
