package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input errors of run, compare and capacity: exit 2, one line, and no load sent. */
class RunCommandTest {
    @TempDir
    Path tmp;

    private Path scenario(String yaml) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void checkValidatesAndListsWithoutSendingLoad() throws Exception {
        Cli.Result r = Cli.run("run", "--check", "scenarios/ci-gate.yaml");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ci-gate: valid, 3 runs, 4 gates, 6 rounds (until conclusive, at most 10)",
                "run blocking: mode blocking", "gate async.p99 <= 0.5 * blocking.p99");
        Cli.Result more = Cli.run("run", "--check", "scenarios/ci-gate.yaml", "--rounds", "12",
                "--until-conclusive", "20");
        assertThat(more.out()).contains("4 gates, 12 rounds (until conclusive, at most 20)");
        Cli.Result bad = Cli.run("run", "--check", "scenarios/ci-gate.yaml", "--rounds", "12");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("apitune: scenarios/ci-gate.yaml:13:19: until-conclusive: 10 must be at least rounds (12)");
    }

    @Test
    void everyShippedScenarioIsValid() {
        for (String file : new String[] {"ci-gate", "techniques", "database"}) {
            Cli.Result r = Cli.run("run", "--check", "scenarios/" + file + ".yaml");
            assertThat(r.exitCode()).as(file + ": " + r.err()).isZero();
        }
    }

    @Test
    void scenarioErrorsAreOneLineWithFileLineAndColumn() throws Exception {
        Path file = scenario("name: t\nruns:\n  - name: a\n    mode: async\n    rate: fast\n");
        Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("apitune: " + file
                + ":5:11: runs[0].rate: \"fast\" is not a rate (write e.g. 200 or 200/s)");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void unknownMetricsInFlagsFailBeforeAnyLoad() throws Exception {
        Path file = scenario("name: t\nruns:\n  - name: a\n    mode: async\n");
        Cli.Result r = Cli.run("run", file.toString(), "--gate", "b.p99 < 5ms",
                "--out", tmp.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("apitune: gate 'b.p99 < 5ms': unknown run 'b' (runs: a)");
        Cli.Result syntax = Cli.run("run", file.toString(), "--gate", "p99 fast");
        assertThat(syntax.exitCode()).isEqualTo(2);
        assertThat(syntax.err()).contains("--gate: gate 'p99 fast': no comparison");
        Cli.Result baseline = Cli.run("run", file.toString(), "--gate", "p99 <= baseline * 1.1");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).contains("no --baseline report was given");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void nonEmptyOutDirectoriesAreRefused() throws Exception {
        Path file = scenario("name: t\nruns:\n  - name: a\n    mode: async\n");
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/x"), "x");
        Cli.Result r = Cli.run("run", file.toString(), "--out", tmp.resolve("full").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--out: " + tmp.resolve("full") + " already exists and is not empty");
    }

    @Test
    void compareAndCapacityRejectBadFlags() {
        assertThat(Cli.run("compare").err()).contains("give targets to compare");
        assertThat(Cli.run("compare", "--modes", "async,turbo").err())
                .contains("--modes: \"turbo\" is not a mode");
        assertThat(Cli.run("compare", "--modes", "async,async").err()).contains("--modes: duplicate run name \"async\"");
        assertThat(Cli.run("compare", "--url", "http://x/").err()).contains("is not NAME=URL");
        assertThat(Cli.run("compare", "--url", "a=http://x/", "--server", "http://x/").err())
                .contains("--server: needs --modes");
        assertThat(Cli.run("compare", "--modes", "async", "--gate", "cached.p99 < 1s").err())
                .contains("unknown run 'cached' (runs: async)");
        assertThat(Cli.run("compare", "--url", "a=http://127.0.0.1:9/", "--workers", "2").err())
                .contains("--workers: shapes the in-process server, but no run starts one");
        assertThat(Cli.run("capacity", "--url", "http://127.0.0.1:9/", "--slo", "p99<5ms", "--jitter", "1ms")
                .err()).contains("--jitter: shapes the in-process server");
        Cli.Result noSlo = Cli.run("capacity", "--mode", "blocking");
        assertThat(noSlo.exitCode()).isEqualTo(2);
        assertThat(noSlo.err()).contains("Missing required option: '--slo=GATE'");
        assertThat(Cli.run("capacity", "--mode", "blocking", "--slo", "p99<5ms", "--rate", "5").err())
                .contains("--rate: capacity chooses the rate");
        assertThat(Cli.run("capacity", "--mode", "blocking", "--slo", "x.p99<5ms").err())
                .contains("unknown run 'x'");
        assertThat(Cli.run("capacity", "--mode", "blocking", "--slo", "p99<5ms", "--max-errors", "lots").err())
                .contains("--max-errors: 'lots' is not a percentage such as 5%");
        assertThat(Cli.run("capacity", "--slo", "p99<5ms").err()).contains("give exactly one of --mode and --url");
        assertThat(Cli.run("capacity", "--mode", "async", "--slo", "p99<5ms", "--start-rate", "0").err())
                .contains("--start-rate: \"0\" is not a rate");
        assertThat(Cli.run("capacity", "--mode", "async", "--slo", "p99<5ms", "--start-rate", "0.5").err())
                .contains("--start-rate: 0.5 must be at least 1");
        assertThat(Cli.run("capacity", "--mode", "async", "--slo", "p99<5ms", "--tolerance", "0").err())
                .contains("--tolerance: 0.0 must be in (0, 1)");
    }

    @Test
    void helpShowsEveryFlag() {
        assertThat(Cli.run("run", "--help").out()).contains("--gate", "--baseline", "--junit", "--check",
                "--quiet", "--out", "--rounds", "--until-conclusive");
        assertThat(Cli.run("compare", "--help").out()).contains("--modes", "--url", "--server", "--queries",
                "--rate", "--workers", "--gate", "--rounds", "--until-conclusive");
        assertThat(Cli.run("capacity", "--help").out()).contains("--slo", "--max-errors", "--start-rate",
                "--max-rate", "--tolerance", "--max-steps", "--duration", "--warmup");
    }

    @Test
    void fileGatesThatNeedABaselineSayWhereTheyAre() throws Exception {
        Path file = scenario("name: t\nruns:\n  - name: a\n    mode: async\ngates:\n  - p99 <= baseline * 1.1\n");
        Cli.Result r = Cli.run("run", file.toString(), "--check");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("apitune: " + file + ":6:5: gates[0]: gate 'p99 <= baseline * 1.1': "
                + "compares with the baseline but no --baseline report was given");
        Cli.Result map = Cli.run("run", scenario("name: t\nruns:\n  - name: a\n    mode: async\ngates:\n  - {a: 1}\n")
                .toString(), "--check");
        assertThat(map.err().strip().lines()).hasSize(1);
        assertThat(map.err().split("gates\\[0]", -1)).as("the location once").hasSize(2);
    }
}
