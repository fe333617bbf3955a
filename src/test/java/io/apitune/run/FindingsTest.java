package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.apitune.load.ErrorKind;
import io.apitune.load.LoadConfig;
import io.apitune.report.Reports;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.LoadInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TheoryInfo;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import org.junit.jupiter.api.Test;

/** compare's sentences, one per pair of runs. */
class FindingsTest {
    private static final LoadInfo CLOSED_256 = new LoadInfo("closed", null, "constant", 256, 8.0, null,
            2, 0, 5, "GET", List.of(), 0, 1000, "uniform", null, null, null, null, null, null);

    /** A run with {@code goodput}, {@code koShare} of its requests failed with {@code kind}. */
    private static RunResult run(String name, double goodput, double koShare, ErrorKind kind,
            TheoryInfo theory, boolean limited) {
        long requests = 100_000;
        long[] errors = new long[ErrorKind.values().length];
        errors[kind.ordinal()] = Math.round(requests * koShare);
        GeneratorInfo generator = new GeneratorInfo(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, limited, List.of(), "", "");
        Results results = new Results(8, requests, requests - errors[kind.ordinal()], goodput,
                requests / 8.0, null, ErrorTally.of(errors, true), koShare,
                LatencySummary.ofMillis(Map.of("count", 10, "p50", 20.0)), null, null, generator, List.of(),
                null, null, null);
        RunReport report = new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, name, name, false, null,
                null, null, CLOSED_256, results, null, FileNames.RUN, null, null, null, null, theory, null);
        LoadConfig load = new LoadConfig(new LoadConfig.RequestSpec("GET", "http://127.0.0.1:1/", List.of(),
                null), new LoadConfig.KeySpace(1000, LoadConfig.KeySpace.Distribution.UNIFORM, 0), null,
                LoadConfig.Arrival.CONSTANT, 256, Duration.ofSeconds(8), null, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(5));
        RunSpec spec = new RunSpec(name, TargetSpec.mode(Mode.parse(name), ServerConfig.defaults(), null),
                load);
        return new RunResult(spec, report, Path.of(name), false, null);
    }

    private static TheoryInfo bound(double perSecond, double goodput, String explanation) {
        return new TheoryInfo("blocking", "closed", perSecond, goodput / perSecond, TheoryInfo.WORKERS,
                "W / L", explanation, null, null, null, "stats window");
    }

    @Test
    void theIssuesSentence() {
        RunResult blocking = run("blocking", 373, 0.988, ErrorKind.STATUS_5XX,
                bound(400, 373, "8 workers / 20 ms"), false);
        RunResult async = run("async", 12_426, 0, ErrorKind.STATUS_5XX,
                bound(12_800, 12_426, "256 connections / 20 ms"), false);
        assertThat(Findings.sentence(blocking, async)).isEqualTo("async served 33.3× the goodput of "
                + "blocking at equal connections; blocking ran at 0.93 of its bound of 400/s (8 workers / "
                + "20 ms): 98.8 % of its requests were turned away.");
    }

    @Test
    void theRunThatServedLessIsExplainedWhateverTheOrder() {
        RunResult async = run("async", 12_000, 0, ErrorKind.TIMEOUT,
                bound(12_800, 12_000, "256 connections / 20 ms"), true);
        TheoryInfo hits = new TheoryInfo("cached", "closed", null, null, TheoryInfo.SERVER, null, null,
                "99.7 % of the lookups were cache hits", null,
                new TheoryInfo.Inputs(256, null, null, null, null, 20.0, 0.0, null, null, 0.997, null),
                "stats window");
        RunResult cached = run("cached", 40_000, 0.05, ErrorKind.TIMEOUT, hits, false);
        assertThat(Findings.sentence(async, cached)).isEqualTo("cached served 3.33× the goodput of "
                + "async at equal connections; async ran at 0.94 of its bound of 12,800/s (256 "
                + "connections / 20 ms); the load generator limited async, so its goodput is a floor.");
        assertThat(Findings.sentence(cached, async)).startsWith("cached served 3.33× the goodput of async");
        RunResult slowCached = run("cached", 1_000, 0.05, ErrorKind.TIMEOUT, hits, false);
        assertThat(Findings.sentence(async, slowCached)).endsWith("; cached is bounded by the server "
                + "itself, not by a configured resource (99.7 % cache hits): 5.0 % of its requests "
                + "failed; the load generator limited async, so its goodput is a floor.");
    }

    @Test
    void equalAndEmptyGoodputsAreSaidPlainly() {
        RunResult a = run("async", 1000, 0, ErrorKind.TIMEOUT, null, false);
        RunResult b = run("virtual", 1020, 0, ErrorKind.TIMEOUT, null, false);
        assertThat(Findings.sentence(a, b)).isEqualTo("virtual and async served about the same goodput "
                + "(1.02×) at equal connections.");
        RunResult none = run("blocking", 0, 1.0, ErrorKind.CONNECT, null, false);
        assertThat(Findings.sentence(a, none)).isEqualTo("async served 1,000 OK answers per second and "
                + "blocking none at equal connections; 100.0 % of blocking's requests failed.");
    }

    @Test
    void onePerPairInRunOrder() {
        List<RunResult> runs = List.of(run("blocking", 400, 0, ErrorKind.TIMEOUT, null, false),
                run("async", 1000, 0, ErrorKind.TIMEOUT, null, false),
                run("cached", 4000, 0, ErrorKind.TIMEOUT, null, false));
        List<String> sentences = Findings.of(runs);
        assertThat(sentences).hasSize(3);
        assertThat(sentences.get(0)).startsWith("async served 2.50× the goodput of blocking");
        assertThat(sentences.get(1)).startsWith("cached served 10.0× the goodput of blocking");
        assertThat(sentences.get(2)).startsWith("cached served 4.00× the goodput of async");
        StringWriter out = new StringWriter();
        Findings.print(sentences, new PrintWriter(out));
        assertThat(out.toString().strip().split("\n")).containsExactlyElementsOf(sentences);
    }
}
