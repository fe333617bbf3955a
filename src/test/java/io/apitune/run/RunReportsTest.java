package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.ErrorCounts;
import io.apitune.load.GeneratorHealth;
import io.apitune.load.IntervalSample;
import io.apitune.load.LimitCause;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.ConsoleSummary;
import io.apitune.report.Reports;
import io.apitune.report.RunReports;
import io.apitune.report.model.ModeRow;
import io.apitune.report.model.RunReport;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.json version 2 from a measured run: OK and KO apart (goodput, OK latency, failure
 * latency), the generator's own health, and what the console and compare table show of them.
 */
class RunReportsTest {
    @TempDir
    Path tmp;

    private static Histogram values(long fromNanos, long stepNanos, int count) {
        Histogram h = Histograms.newHistogram();
        for (int i = 0; i < count; i++) {
            h.recordValue(fromNanos + i * stepNanos);
        }
        return h;
    }

    /** 900 OK answers of 1..9 ms, 100 timeouts at 2 s, in 2 s; the generator limited or not. */
    static LoadResult result(boolean limited) {
        ErrorCounts errors = new ErrorCounts(0, 100, 0, 0, 0, 0);
        GeneratorHealth health = new GeneratorHealth(values(10_000, 10, 1000), 3, 4, 0.4, 0.3, 2, 1,
                0.2, 0, 1.5, 12, 1000, 0, limited ? 500 : 0,
                limited ? Set.of(LimitCause.SHORTFALL) : Set.of(), limited ? "500 intended requests were not sent" : "",
                limited ? "use a lower rate or shards" : "");
        List<IntervalSample> timeline = List.of(
                new IntervalSample(1.0, 1.0, 500, 500, 450, 450, new ErrorCounts(0, 50, 0, 0, 0, 0),
                        new ErrorCounts(0, 50, 0, 0, 0, 0), 5_000_000, 9_000_000, 20_000, 2, 0, 500.0, null),
                new IntervalSample(2.0, 1.0, 500, 1000, 450, 900, new ErrorCounts(0, 50, 0, 0, 0, 0),
                        errors, 5_000_000, 9_000_000, 20_000, 2, 0, 500.0, null));
        return new LoadResult(1_800_000_000_000L, 1_800_000_002_000L, 2_000_000_000L, 1000, 900, 100,
                errors, values(1_000_000, 8_890, 900), values(500_000, 4_000, 900),
                values(2_000_000_000L, 0, 100), timeline, new IntervalLog(1_800_000_000_000L), false, health,
                null, List.of(), null, null);
    }

    private static final LoadConfig LOAD = new LoadConfig(new LoadConfig.RequestSpec("GET", "http://h/x",
            List.of(), null), new LoadConfig.KeySpace(10, LoadConfig.KeySpace.Distribution.UNIFORM, 0), 500.0,
            LoadConfig.Arrival.CONSTANT, 64, Duration.ofSeconds(2), null, Duration.ofSeconds(2), Duration.ZERO,
            Duration.ofSeconds(2));

    static RunReport report(String name, boolean limited) {
        TargetSpec target = TargetSpec.mode(Mode.ASYNC, ServerConfig.defaults().withPort(0), null);
        return RunReports.of("20261128-000000-" + name, name, target.info("http://127.0.0.1:1/async/item/{key}"),
                LOAD, result(limited));
    }

    @Test
    void goodputAndLatencyAreOfOkAnswersAndFailuresHaveTheirOwnLatency() {
        JsonNode doc = Reports.MAPPER.valueToTree(report("async", false));
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(2);
        JsonNode r = doc.get("results");
        assertThat(r.get("requests").asLong()).isEqualTo(1000);
        assertThat(r.get("ok").asLong()).isEqualTo(900);
        assertThat(r.get("throughput").asDouble()).isEqualTo(450.0);
        assertThat(r.get("requestRate").asDouble()).isEqualTo(500.0);
        assertThat(r.get("errorRate").asDouble()).isEqualTo(0.1);
        assertThat(r.at("/errors/timeout").asLong()).isEqualTo(100);
        assertThat(r.at("/errors/check").asLong()).isZero();
        assertThat(r.at("/latency/count").asLong()).isEqualTo(900);
        assertThat(r.at("/latency/max").asDouble()).isLessThan(10.0);
        assertThat(r.at("/failureLatency/count").asLong()).isEqualTo(100);
        assertThat(r.at("/failureLatency/p50").asDouble()).isBetween(1999.0, 2001.0);
        assertThat(r.at("/generator/limited").asBoolean()).isFalse();
        assertThat(r.at("/generator/sendLag/count").asLong()).isEqualTo(1000);
        assertThat(r.at("/generator/gcCount").asLong()).isEqualTo(3);
        assertThat(r.at("/generator/cpuUtilisation").asDouble()).isEqualTo(0.4);
        assertThat(r.at("/generator/reason").asText()).isEmpty();
        assertThat(r.at("/timeline/1/ok").asLong()).isEqualTo(450);
        assertThat(r.at("/timeline/1/t").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theConsoleSaysWhatFailedAndWhenTheGeneratorLimitedTheRun() {
        StringWriter text = new StringWriter();
        ConsoleSummary.print(new PrintWriter(text), report("async", true), null);
        assertThat(text.toString()).contains("goodput 450.0/s (OK answers), request rate 500.0/s",
                "OK 900, KO 100 (10.00%): connect 0, timeout 100",
                "WARNING: 10.0% of the requests failed, most of them timeout (100)",
                "generator: send lag p99 0.020 ms, CPU 0.40 of 2 cores, GC 3 pauses 4 ms",
                "LIMITED (shortfall)",
                "WARNING: the load generator limited this run: 500 intended requests were not sent",
                "latency OK", "service OK", "failures KO");
    }

    @Test
    void compareRowsShowGoodputAndMarkLimitedRuns() {
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        List<RunResult> runs = List.of(
                new RunResult(new RunSpec("a", TargetSpec.url("http://h/"), LOAD), report("a", false), tmp, false, stats),
                new RunResult(new RunSpec("b", TargetSpec.url("http://h/"), LOAD), report("b", true), tmp, false, null));
        List<ModeRow> rows = CompareTable.rows(runs);
        assertThat(rows.get(0).throughput()).isEqualTo(450.0);
        assertThat(rows.get(0).limited()).isFalse();
        assertThat(rows.get(1).limited()).isTrue();
        StringWriter text = new StringWriter();
        CompareTable.print(rows, new PrintWriter(text));
        String[] lines = text.toString().strip().split("\n");
        assertThat(lines[0]).contains("goodput", "KO");
        assertThat(lines[1]).startsWith("a").contains("450.0/s", "10.00%").doesNotContain("LIMITED");
        assertThat(lines[2]).startsWith("b").endsWith("LIMITED");
        assertThat(text.toString()).contains("LIMITED: the load generator's own delay is in that run's numbers");
    }

    @Test
    void documentsSurviveAReadBack() {
        RunReport a = report("async", true);
        Reports.write(tmp.resolve("report.json"), a);
        RunReport back = Reports.readRun(tmp.resolve("report.json"));
        assertThat((JsonNode) Reports.MAPPER.valueToTree(back)).isEqualTo(Reports.MAPPER.valueToTree(a));
        assertThat(back.results().limited()).isTrue();
    }
}
