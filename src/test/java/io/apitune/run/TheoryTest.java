package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.load.ErrorCounts;
import io.apitune.load.LoadConfig;
import io.apitune.report.Reports;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;
import io.apitune.report.model.TheoryInfo;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import org.junit.jupiter.api.Test;

/** The theory bound of each mode, computed from the server's figures and the load. */
class TheoryTest {
    private static LoadConfig closed(int connections) {
        return new LoadConfig(new LoadConfig.RequestSpec("GET", "http://127.0.0.1:1/", List.of(), null),
                new LoadConfig.KeySpace(100, LoadConfig.KeySpace.Distribution.UNIFORM, 0), null,
                LoadConfig.Arrival.CONSTANT, connections, Duration.ofSeconds(8), null, Duration.ZERO,
                Duration.ZERO, Duration.ofSeconds(5));
    }

    private static LoadConfig open(double rate, int connections) {
        return closed(connections).withRate(rate);
    }

    /** Goodput {@code goodput}/s with a mean OK latency of {@code meanMs}. */
    private static Results results(double goodput, double meanMs) {
        return new Results(8, 1000, 1000L, goodput, goodput, null, ErrorTally.of(ErrorCounts.NONE, true),
                0, LatencySummary.ofMillis(Map.of("count", 1000, "mean", meanMs, "p50", meanMs,
                        "p99", meanMs, "max", meanMs)), null, null, null, List.of(), null, null, null);
    }

    private static ServerFigures upstream(int workers, double latencyMs, double jitterMs, Double hitRatio) {
        return new ServerFigures(true, workers, 128, 16, latencyMs, jitterMs, 0L, hitRatio, null);
    }

    private static ServerFigures db(int workers, int dbPool, Double queryMeanMs, Double hitRatio) {
        return new ServerFigures(true, workers, 128, dbPool, null, null, 0L, hitRatio, queryMeanMs);
    }

    private static TargetSpec mode(Mode mode, Integer queries) {
        return TargetSpec.mode(mode, ServerConfig.defaults(), queries);
    }

    @Test
    void blockingIsBoundByItsWorkersOverTheLatency() {
        TheoryInfo t = Theory.of(mode(Mode.BLOCKING, null), closed(256), upstream(8, 20, 0, null),
                results(372, 350));
        assertThat(t.boundPerSecond()).isCloseTo(400, within(1e-9));
        assertThat(t.fraction()).isCloseTo(0.93, within(1e-9));
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.WORKERS);
        assertThat(t.formula()).isEqualTo("W / L");
        assertThat(t.explanation()).isEqualTo("8 workers / 20 ms");
        // the workers bind, not the connections: queueing is in the latency, no overhead is claimed
        assertThat(t.overheadMs()).isNull();
        assertThat(t.inputs().workers()).isEqualTo(8);
        assertThat(t.source()).isEqualTo("stats window");
    }

    @Test
    void fewerConnectionsThanWorkersBindFirst() {
        TheoryInfo t = Theory.of(mode(Mode.BLOCKING, null), closed(4), upstream(8, 20, 0, null),
                results(190, 21));
        assertThat(t.boundPerSecond()).isCloseTo(200, within(1e-9));
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.CONNECTIONS);
    }

    @Test
    void asyncIsBoundByConnectionsOverTheLatencyWithTheJittersMean() {
        TheoryInfo t = Theory.of(mode(Mode.ASYNC, null), closed(256), upstream(8, 20, 10, null),
                results(10_000, 25.6));
        // L = 20 ms + 10 ms / 2
        assertThat(t.boundPerSecond()).isCloseTo(256 / 0.025, within(1e-6));
        assertThat(t.explanation()).isEqualTo("256 connections / (20 ms + 5 ms mean jitter)");
        assertThat(t.overheadMs()).isCloseTo(0.6, within(1e-9));
        assertThat(t.inputs().jitterMeanMs()).isEqualTo(5.0);
    }

    @Test
    void theOpenModelIsBoundByItsOfferedRate() {
        TheoryInfo t = Theory.of(mode(Mode.VIRTUAL, null), open(1000, 64), upstream(8, 20, 0, null),
                results(990, 21));
        assertThat(t.boundPerSecond()).isEqualTo(1000.0);
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.RATE);
        assertThat(t.explanation()).isEqualTo("offered 1,000/s");
        assertThat(t.model()).isEqualTo("open");
    }

    @Test
    void cacheHitsHaveNoConfiguredBoundButMissesWaitLikeAsync() {
        TheoryInfo hits = Theory.of(mode(Mode.CACHED, null), closed(64), upstream(8, 20, 0, 0.997),
                results(40_000, 1.5));
        assertThat(hits.bounded()).isFalse();
        assertThat(hits.fraction()).isNull();
        assertThat(hits.limitedBy()).isEqualTo(TheoryInfo.SERVER);
        assertThat(hits.note()).contains("99.7 % of the lookups were cache hits", "CPU");

        TheoryInfo openHits = Theory.of(mode(Mode.CACHED, null), open(500, 64), upstream(8, 20, 0, 0.5),
                results(500, 10));
        assertThat(openHits.boundPerSecond()).isEqualTo(500.0);

        TheoryInfo misses = Theory.of(mode(Mode.CACHED, null), closed(64), upstream(8, 20, 0, 0.0),
                results(3000, 21));
        assertThat(misses.boundPerSecond()).isCloseTo(3200, within(1e-9));
        assertThat(misses.note()).contains("every lookup missed");
    }

    @Test
    void blockingDbIsBoundBySmallerOfWorkersAndPoolOverItsSequentialQueries() {
        TheoryInfo t = Theory.of(mode(Mode.BLOCKING_DB, 20), closed(64), db(8, 4, 0.5, null),
                results(300, 200));
        // min(8, 4) / (20 x 0.5 ms) = 400/s
        assertThat(t.boundPerSecond()).isCloseTo(400, within(1e-9));
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.DB_POOL);
        assertThat(t.formula()).isEqualTo("min(W, db-pool) / (N · t_query)");
        assertThat(t.explanation()).isEqualTo("min(8 workers, 4 connections) / (20 × 0.5 ms)");
        assertThat(t.inputs().queries()).isEqualTo(20);
        assertThat(t.inputs().queryMeanMs()).isEqualTo(0.5);
        assertThat(t.inputs().latencyMs()).isNull();
    }

    @Test
    void asyncDbIsBoundByConnectionsOverOneQuery() {
        TheoryInfo t = Theory.of(mode(Mode.ASYNC_DB, null), closed(64), db(8, 4, 2.0, null),
                results(20_000, 3));
        assertThat(t.boundPerSecond()).isCloseTo(32_000, within(1e-9));
        assertThat(t.formula()).isEqualTo("C / t_query");
        assertThat(t.overheadMs()).isCloseTo(1.0, within(1e-9));
        TheoryInfo none = Theory.of(mode(Mode.ASYNC_DB, null), closed(64), db(8, 4, null, null),
                results(0, 3));
        assertThat(none.bounded()).isFalse();
        assertThat(none.note()).contains("t_query is unknown");
    }

    @Test
    void withoutStatsOnlyTheOfferedRateBounds() {
        TheoryInfo closed = Theory.of(mode(Mode.BLOCKING, null), closed(8), null, results(300, 25));
        assertThat(closed.bounded()).isFalse();
        assertThat(closed.note()).contains("/stats could not be read");
        assertThat(closed.source()).isNull();
        TheoryInfo open = Theory.of(mode(Mode.BLOCKING, null), open(100, 8), null, results(99, 25));
        assertThat(open.boundPerSecond()).isEqualTo(100.0);
    }

    @Test
    void figuresAreTheDifferenceOfTwoReadings() throws Exception {
        JsonNode start = Reports.MAPPER.readTree("""
                {"modes":{"cached-db":{"rejected":0,"cacheHits":100,"cacheMisses":50,
                  "dbQueries":50,"dbQueryNanos":50000000}},
                 "pools":{"workers":8,"queue":16,"dbPool":4},"backend":{"latencyMs":20.0,"jitterMs":4.0}}""");
        JsonNode end = Reports.MAPPER.readTree("""
                {"modes":{"cached-db":{"rejected":0,"cacheHits":1000,"cacheMisses":150,
                  "dbQueries":150,"dbQueryNanos":250000000}},
                 "pools":{"workers":8,"queue":16,"dbPool":4},"backend":{"latencyMs":20.0,"jitterMs":4.0}}""");
        ServerFigures window = ServerFigures.of(start, end, Mode.CACHED_DB);
        assertThat(window.window()).isTrue();
        assertThat(window.cacheHitRatio()).isCloseTo(900.0 / 1000, within(1e-12));
        assertThat(window.queryMeanMs()).isCloseTo(2.0, within(1e-12));
        assertThat(window.workers()).isEqualTo(8);
        assertThat(window.dbPool()).isEqualTo(4);
        assertThat(window.jitterMs()).isEqualTo(4.0);

        ServerFigures total = ServerFigures.of(null, end, Mode.CACHED_DB);
        assertThat(total.window()).isFalse();
        assertThat(total.cacheHitRatio()).isCloseTo(1000.0 / 1150, within(1e-12));
        assertThat(ServerFigures.of(start, null, Mode.CACHED_DB)).isNull();
        // an older server: no backend block, no query timing
        ServerFigures old = ServerFigures.of(null, Reports.MAPPER.readTree(
                "{\"modes\":{\"async\":{\"requests\":5}},\"pools\":{\"workers\":8}}"), Mode.ASYNC);
        assertThat(old.latencyMs()).isNull();
        assertThat(old.queryMeanMs()).isNull();
        assertThat(Theory.of(mode(Mode.ASYNC, null), closed(8), old, results(1, 1)).note())
                .contains("no backend latency");
    }

    @Test
    void numbersForPeople() {
        assertThat(Theory.rate(400)).isEqualTo("400");
        assertThat(Theory.rate(12_800)).isEqualTo("12,800");
        assertThat(Theory.rate(37.5)).isEqualTo("37.5");
        assertThat(Theory.ms(20)).isEqualTo("20 ms");
        assertThat(Theory.ms(20.61)).isEqualTo("20.6 ms");
        assertThat(Theory.ms(0.41234)).isEqualTo("0.412 ms");
    }
}
