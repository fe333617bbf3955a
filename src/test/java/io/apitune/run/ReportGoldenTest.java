package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateParser;
import io.apitune.gate.ReportMetrics;
import io.apitune.load.ErrorCounts;
import io.apitune.load.IntervalSample;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.ConsoleSummary;
import io.apitune.report.Reports;
import io.apitune.report.RunReports;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.ModeRow;
import io.apitune.report.model.RunReport;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The typed report model writes what the first release wrote: the same inputs as the fixtures in
 * {@code src/test/resources/golden} (written by the pre-refactor code) give documents that hold
 * every field of the first release's with the same value, apart from times and the machine's
 * environment (fields added since, such as a gate's {@code outcome}, are allowed), and the same
 * console tables.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> VOLATILE = List.of("startTime", "endTime", "environment");

    static LoadResult result(long seed, long requests) {
        Histogram latency = Histograms.newHistogram();
        Histogram service = Histograms.newHistogram();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < requests; i++) {
            long v = 200_000L + r.nextLong(50_000_000L);
            latency.recordValue(v);
            service.recordValue(v / 2 + 1_000);
        }
        ErrorCounts e1 = new ErrorCounts(1, 2, 0, 4, 0);
        ErrorCounts e2 = new ErrorCounts(0, 1, 3, 0, 1);
        ErrorCounts total = new ErrorCounts(1, 3, 3, 4, 1);
        List<IntervalSample> timeline = List.of(
                new IntervalSample(1.0, 1.0, requests / 2, requests / 2, e1, e1, 1_000_000, 2_000_000, 2, 0),
                new IntervalSample(2.0, 1.0, requests - requests / 2, requests, e2, total, 1_000_000, 2_000_000, 2, 0),
                new IntervalSample(2.25, 0.25, 0, requests, ErrorCounts.NONE, total, 0, 0, 2, 0));
        return new LoadResult(1_800_000_000_000L, 1_800_000_002_250L, 2_250_000_000L, requests, total,
                latency, service, timeline, new IntervalLog(1_800_000_000_000L), false);
    }

    static LoadConfig open() {
        return new LoadConfig(new LoadConfig.RequestSpec("GET", "http://127.0.0.1/", List.of(
                new LoadConfig.Header("Accept", "application/json")), null),
                new LoadConfig.KeySpace(1000, LoadConfig.KeySpace.Distribution.ZIPF, 1.1), 1000.0,
                LoadConfig.Arrival.POISSON, 64, Duration.ofSeconds(2), null, Duration.ofSeconds(2),
                Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    static LoadConfig closed(String url) {
        return new LoadConfig(new LoadConfig.RequestSpec("POST", url, List.of(), "{\"a\":1}".getBytes()),
                new LoadConfig.KeySpace(50, LoadConfig.KeySpace.Distribution.UNIFORM, 0), null,
                LoadConfig.Arrival.CONSTANT, 16, null, 5000L, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2));
    }

    static ServerConfig server() {
        return new ServerConfig("127.0.0.1", 0, Duration.ofMillis(20), Duration.ofMillis(3), 8, 16, 500,
                Duration.ofSeconds(30), "postgresql://app:s3cret@db:5432/w", 4, true);
    }

    private static RunReport report(String runId, RunSpec spec, String url, LoadResult result) {
        return RunReports.of(runId, spec.name(), spec.target().info(url), spec.load(), result);
    }

    private final RunSpec mode = new RunSpec("cached", TargetSpec.mode(Mode.CACHED, server(), null), open());
    private final RunSpec srv = new RunSpec("async-db",
            TargetSpec.server("http://10.0.0.5:8080/", Mode.ASYNC_DB, 7), open());
    private final RunReport a = report("20261127-011500-cached", mode,
            "http://127.0.0.1:4000/cached/item/{key}", result(1, 1000));
    private final RunReport c = report("20261127-011500-async-db", srv,
            "http://10.0.0.5:8080/async-db/queries?queries=7", result(3, 2000));

    @Test
    void runReportsAreTheFirstReleasesDocuments() throws Exception {
        RunSpec url = new RunSpec("example-com", TargetSpec.url("http://example.com/x/{key}"),
                closed("http://example.com/x/{key}"));
        RunReport b = report("20261127-011500-example-com", url, "http://example.com/x/{key}", result(2, 5000));
        assertSame(a, "run-mode.json");
        assertSame(b, "run-url.json");
        assertSame(c, "run-server.json");
        assertThat(Reports.MAPPER.writeValueAsString(a)).doesNotContain("s3cret");
    }

    @Test
    void compareReportIsTheFirstReleasesDocument() throws Exception {
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        stats.putObject("modes").putObject("cached").put("cacheHits", 90).put("cacheMisses", 10);
        List<RunResult> runs = List.of(new RunResult(mode, a, Path.of("cached"), false, stats),
                new RunResult(srv, c, Path.of("async-db"), false, null));
        List<ModeRow> rows = CompareTable.rows(runs);
        GateCheck check = new GateCheck(List.of(GateParser.parse("cached.throughput >= 0.5 * async-db.throughput"),
                GateParser.parse("p99 < 25ms")), null, null);
        Map<String, RunReport> measured = new java.util.LinkedHashMap<>();
        measured.put("cached", a);
        measured.put("async-db", c);
        var verdicts = check.evaluate(ReportMetrics.ofRuns(measured));
        CombinedReport combined = CombinedReport.plan(CombinedReport.COMPARE,
                "20261127-011500-compare-cached-async-db", "compare", false, "t0", "t1",
                PlanRunner.reports(runs), List.of(), rows, verdicts.stream().map(r -> r.toVerdict()).toList());
        JsonNode expected = Reports.MAPPER.readTree(GOLDEN.resolve("compare/report.json").toFile());
        assertHolds(stable(Reports.MAPPER.valueToTree(combined)), stable(expected), "");

        StringWriter table = new StringWriter();
        CompareTable.print(rows, new PrintWriter(table));
        assertThat(table.toString()).isEqualTo(Files.readString(GOLDEN.resolve("compare-table.txt")));
    }

    @Test
    void consoleSummaryIsTheFirstReleasesText() throws Exception {
        StringWriter summary = new StringWriter();
        ConsoleSummary.print(new PrintWriter(summary), a, "reports/x");
        String warning = "  WARNING: 1.2% of the requests failed, most of them status5xx (4); the latency "
                + "and throughput below include them.\n";
        assertThat(summary.toString()).contains(warning);
        assertThat(summary.toString().replace(warning, ""))
                .isEqualTo(Files.readString(GOLDEN.resolve("console-summary.txt")));
    }

    @Test
    void documentsSurviveAReadBack(@org.junit.jupiter.api.io.TempDir Path dir) {
        Reports.write(dir.resolve("report.json"), a);
        RunReport back = Reports.readRun(dir.resolve("report.json"));
        assertThat((JsonNode) Reports.MAPPER.valueToTree(back)).isEqualTo(Reports.MAPPER.valueToTree(a));
    }

    private static void assertSame(RunReport actual, String golden) throws Exception {
        JsonNode expected = Reports.MAPPER.readTree(GOLDEN.resolve(golden).toFile());
        assertHolds(stable(Reports.MAPPER.valueToTree(actual)), stable(expected), "");
    }

    /** Every field of {@code expected} is in {@code actual} with an equal value; lists are equally long. */
    private static void assertHolds(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path).isTrue();
            expected.fieldNames().forEachRemaining(f -> {
                assertThat(actual.has(f)).as(path + "/" + f).isTrue();
                assertHolds(actual.get(f), expected.get(f), path + "/" + f);
            });
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertHolds(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    /** The document without what differs between runs: times and the machine. */
    private static JsonNode stable(JsonNode doc) {
        ObjectNode copy = reparsed(doc);
        VOLATILE.forEach(copy::remove);
        if (copy.has("runs")) {
            copy.withArray("runs").forEach(run -> VOLATILE.forEach(((ObjectNode) run)::remove));
        }
        return copy;
    }

    /** Through text and back, so that numbers compare by value, not by node type. */
    private static ObjectNode reparsed(JsonNode doc) {
        try {
            return (ObjectNode) Reports.MAPPER.readTree(Reports.MAPPER.writeValueAsString(doc));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
