package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RequestResults;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shards of a mix merge into per-request results as exact as the run's own. */
class MergedRequestsTest {
    private static final long START_MS = 1_795_000_000_000L;
    private static final List<String> REQUESTS = List.of("get-item", "search");

    @TempDir
    Path tmp;

    @Test
    void eachRequestsHistogramsAreAddedExactlyAndItsCountsSummed() throws IOException {
        Histogram[] okOracle = {ReportFixtures.histogram(), ReportFixtures.histogram()};
        Histogram[] koOracle = {ReportFixtures.histogram(), ReportFixtures.histogram()};
        List<Path> logs = new ArrayList<>();
        for (int shard = 0; shard < 3; shard++) {
            Path file = tmp.resolve("shard" + shard + ".hlog");
            writeShard(file, new Random(shard), okOracle, koOracle);
            logs.add(file);
        }

        RunReport merged = MergedReport.write(logs, tmp.resolve("merged"), "mix");

        assertThat(merged.results().byRequest()).containsOnlyKeys(REQUESTS);
        long total = 0;
        for (int r = 0; r < REQUESTS.size(); r++) {
            RequestResults q = merged.results().byRequest().get(REQUESTS.get(r));
            assertThat(q.ok()).isEqualTo(okOracle[r].getTotalCount());
            assertThat(q.requests()).isEqualTo(okOracle[r].getTotalCount() + koOracle[r].getTotalCount());
            assertThat(q.errors().total()).isEqualTo(koOracle[r].getTotalCount());
            assertThat(json(q.latency())).isEqualTo(json(LatencySummary.of(okOracle[r])));
            assertThat(json(q.failureLatency())).isEqualTo(json(LatencySummary.of(koOracle[r])));
            total += q.requests();
        }
        // The per-request blocks add up to the run's own total.
        assertThat(total).isEqualTo(merged.results().requests());
        // And they survive the report's round trip.
        assertThat(json(Reports.readRun(Reports.file(tmp.resolve("merged"))).results().byRequest()))
                .isEqualTo(json(merged.results().byRequest()));
    }

    /** Four 1-second intervals of a two-request mix: the run's tags and each request's. */
    private static void writeShard(Path file, Random random, Histogram[] okOracle, Histogram[] koOracle)
            throws IOException {
        IntervalLog log = new IntervalLog(START_MS);
        for (int second = 0; second < 4; second++) {
            Histogram ok = ReportFixtures.histogram();
            Histogram ko = ReportFixtures.histogram();
            Histogram[] okByRequest = {ReportFixtures.histogram(), ReportFixtures.histogram()};
            Histogram[] koByRequest = {ReportFixtures.histogram(), ReportFixtures.histogram()};
            for (int i = 0; i < 200; i++) {
                int r = random.nextInt(2);
                long nanos = 100_000 + (long) (random.nextDouble() * 50_000_000);
                boolean failed = random.nextInt(10) == 0;
                (failed ? ko : ok).recordValue(nanos);
                (failed ? koByRequest : okByRequest)[r].recordValue(nanos);
                (failed ? koOracle : okOracle)[r].recordValue(nanos);
            }
            long start = START_MS + second * 1000L;
            append(log, IntervalLog.TAG_LATENCY, ok, start);
            append(log, IntervalLog.TAG_SERVICE, ok, start);
            append(log, IntervalLog.TAG_FAILURE, ko, start);
            for (int r = 0; r < REQUESTS.size(); r++) {
                append(log, IntervalLog.requestTag(IntervalLog.TAG_LATENCY, REQUESTS.get(r)), okByRequest[r], start);
                append(log, IntervalLog.requestTag(IntervalLog.TAG_SERVICE, REQUESTS.get(r)), okByRequest[r], start);
                append(log, IntervalLog.requestTag(IntervalLog.TAG_FAILURE, REQUESTS.get(r)), koByRequest[r], start);
            }
        }
        log.writeTo(file);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Object value) {
        return Reports.MAPPER.valueToTree(value);
    }

    private static void append(IntervalLog log, String tag, Histogram h, long startMs) {
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(startMs + 1000);
        log.append(tag, h);
    }
}
