package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.load.LoadConfig;
import io.apitune.report.Reports;
import io.apitune.report.model.TheoryInfo;
import io.apitune.run.RunExecutor;
import io.apitune.run.RunResult;
import io.apitune.run.RunSpec;
import io.apitune.run.TargetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database modes' theory, against the shared reference server with the embedded PostgreSQL
 * as a {@code --server} target: {@code /stats} times each mode's row reads, and the bound from the
 * measured t_query holds the measured goodput (Little's law: a pooled connection serves at most one
 * request per N · t_query; a client waits at least one pipelined query). About 8 s.
 */
class DbTheoryIT {
    @TempDir
    Path tmp;

    private static LoadConfig closed(int connections) {
        return new LoadConfig(new LoadConfig.RequestSpec("GET", "http://unresolved/", List.of(), null),
                new LoadConfig.KeySpace(100, LoadConfig.KeySpace.Distribution.UNIFORM, 0), null,
                LoadConfig.Arrival.CONSTANT, connections, Duration.ofSeconds(2), null,
                Duration.ofMillis(500), Duration.ZERO, Duration.ofSeconds(5));
    }

    private TheoryInfo run(Mode mode, int queries) {
        RunSpec spec = new RunSpec(mode.path(), TargetSpec.server(SharedDbServer.base(), mode, queries),
                closed(16));
        try (RunExecutor executor = new RunExecutor(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), true)) {
            RunResult result = executor.run(spec, tmp.resolve(mode.path()));
            assertThat(result.report().results().errors().total()).isZero();
            return result.report().theory();
        }
    }

    @Test
    void statsTimeEachDbModesRowReads() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(URI.create(SharedDbServer.base() + "/blocking-db/queries?queries=3"))
                .build(), HttpResponse.BodyHandlers.discarding());
        JsonNode stats = Reports.MAPPER.readTree(http.send(HttpRequest.newBuilder(
                URI.create(SharedDbServer.base() + "/stats")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode blocking = stats.at("/modes/blocking-db");
        assertThat(blocking.get("dbQueries").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(blocking.get("dbQueryNanos").asLong()).isPositive();
        assertThat(blocking.get("dbQueryMeanMs").asDouble()).isPositive();
        assertThat(stats.at("/modes/async-db").has("dbQueries")).isTrue();
        assertThat(stats.at("/modes/async").has("dbQueries")).isFalse();
        assertThat(stats.at("/backend/latencyMs").asDouble()).isZero();
        assertThat(stats.at("/pools/dbPool").asInt()).isEqualTo(4);
    }

    @Test
    void blockingDbIsBoundByItsPoolOverItsSequentialQueries() {
        TheoryInfo t = run(Mode.BLOCKING_DB, 5);
        // min(8 workers, 4 connections): the pool binds
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.DB_POOL);
        assertThat(t.formula()).isEqualTo("min(W, db-pool) / (N · t_query)");
        assertThat(t.inputs().queries()).isEqualTo(5);
        assertThat(t.inputs().queryMeanMs()).isPositive();
        assertThat(t.boundPerSecond()).isCloseTo(4 * 1000 / (5 * t.inputs().queryMeanMs()),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(t.fraction()).isBetween(0.01, 1.05);
        assertThat(t.source()).isEqualTo("stats window");
    }

    @Test
    void asyncDbIsBoundByItsConnectionsOverOnePipelinedQuery() {
        TheoryInfo t = run(Mode.ASYNC_DB, 5);
        assertThat(t.formula()).isEqualTo("C / t_query");
        assertThat(t.fraction()).isBetween(0.01, 1.05);
        assertThat(t.note()).contains("pipelined");
    }

    @Test
    void cachedDbHitsHaveNoConfiguredBound() {
        TheoryInfo t = run(Mode.CACHED_DB, 5);
        assertThat(t.inputs().cacheHitRatio()).isPositive();
        assertThat(t.bounded()).isFalse();
        assertThat(t.limitedBy()).isEqualTo(TheoryInfo.SERVER);
        assertThat(t.note()).contains("cache hits");
    }
}
