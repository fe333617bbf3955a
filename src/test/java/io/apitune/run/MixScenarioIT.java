package io.apitune.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.apitune.report.Reports;
import io.apitune.scenario.ScenarioParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request mix from a scenario file, end to end over loopback against a recording HTTP server:
 * weights, a sequential feeder used row by row exactly once across lanes, a failing check counted
 * as {@code check} errors under its request, and an abort-on-fail gate stopping a run.
 */
class MixScenarioIT {
    private static final int ROWS = 600;
    @TempDir
    Path tmp;
    private HttpServer server;
    private final Queue<String> seen = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        seen.add(exchange.getRequestMethod() + " " + path);
        String id = path.substring(path.lastIndexOf('/') + 1);
        byte[] body = (path.startsWith("/create") ? "{\"name\": \"x\"}" : "{\"id\": " + id + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private RunResult run(String yaml) throws IOException {
        Files.writeString(tmp.resolve("rows.csv"), "id\n" + LongStream.rangeClosed(1, ROWS)
                .mapToObj(Long::toString).collect(Collectors.joining("\n")) + "\n");
        RunPlan plan = ScenarioParser.parse(yaml, "mix.yaml", tmp);
        try (RunExecutor executor = new RunExecutor(new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter()), true).abortOn(plan.gates())) {
            return executor.run(plan.runs().get(0), tmp.resolve("out"));
        }
    }

    @Test
    void weightsFeederAndChecksHoldOverAMix() throws IOException {
        RunResult result = run("""
                name: mix
                feeders:
                  rows: {csv: rows.csv, strategy: sequential, at-end: stop}
                runs:
                  - name: shop
                    base-url: %s
                    rate: 600
                    duration: 20s
                    warmup: 0s
                    connections: 8
                    requests:
                      - {name: read, weight: 70, get: "/read/${rows.id}", check: {json: {"$.id": exists}}}
                      - {name: find, weight: 20, get: "/find/${rows.id}"}
                      - name: create
                        weight: 10
                        post: "/create/${rows.id}"
                        body: '{"n": ${randomInt(1,9)}}'
                        check: {status: 200, json: {"$.id": exists}}
                """.formatted(base()));
        JsonNode report = Reports.MAPPER.valueToTree(result.report());
        JsonNode by = report.at("/results/byRequest");
        long total = report.at("/results/requests").asLong();

        assertThat(total).isEqualTo(ROWS);
        assertThat(report.at("/results/durationSeconds").asDouble()).as("stops at the feeder's end")
                .isLessThan(15.0);
        Map<String, Double> weights = Map.of("read", 0.70, "find", 0.20, "create", 0.10);
        weights.forEach((name, weight) -> assertThat((double) by.path(name).path("requests").asLong() / total)
                .as(name).isBetween(weight - 0.02, weight + 0.02));
        // Every row of the sequential feeder is used exactly once, whichever lane sent it.
        List<Long> ids = new ArrayList<>();
        seen.stream().filter(s -> s.matches("(GET|POST) /(read|find|create)/\\d+"))
                .forEach(s -> ids.add(Long.parseLong(s.substring(s.lastIndexOf('/') + 1))));
        assertThat(ids).hasSize(ROWS).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= ROWS);
        // The answer of create has no id: every create is KO with class check, under its name.
        long creates = by.path("create").path("requests").asLong();
        assertThat(creates).isPositive();
        assertThat(by.at("/create/errors/check").asLong()).isEqualTo(creates);
        assertThat(by.at("/create/ok").asLong()).isZero();
        assertThat(by.at("/read/errors/total").asLong()).isZero();
        assertThat(report.at("/results/errors/check").asLong()).isEqualTo(creates);
        assertThat(by.path("create").path("checks").toString()).contains("$.id");
    }

    @Test
    void anAbortOnFailGateStopsTheRunWithinItsWindow() throws IOException {
        long start = System.nanoTime();
        RunResult result = run("""
                name: abort
                runs:
                  - name: shop
                    base-url: %s
                    rate: 50
                    duration: 30s
                    warmup: 0s
                    requests:
                      - {name: read, weight: 1, get: "/read/1"}
                      - {name: create, weight: 1, post: "/create/1", check: {json: {"$.id": exists}}}
                gates:
                  - gate: create.errors < 1%%
                    abort-on-fail: true
                    window: 2s
                """.formatted(base()));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(result.report().abortedBy()).isEqualTo("create.errors < 1%");
        assertThat(result.report().results().durationSeconds()).isLessThan(10.0);
        assertThat(seconds).isLessThan(25.0);
        assertThat(result.report().results().byRequest()).containsKeys("read", "create");
        assertThat(new TreeMap<>(result.report().results().byRequest()).get("create").errors().total())
                .isPositive();
    }

    @Test
    void twoShardsOfAMixUseEachFeederRowOnceAndMergeTheirRequests() throws Exception {
        Files.writeString(tmp.resolve("rows.csv"), "id\n" + LongStream.rangeClosed(1, ROWS)
                .mapToObj(Long::toString).collect(Collectors.joining("\n")) + "\n");
        String yaml = """
                name: sharded
                feeders:
                  rows: {csv: rows.csv, strategy: sequential, at-end: stop}
                runs:
                  - name: shop
                    base-url: %s
                    rate: 400
                    duration: 20s
                    warmup: 0s
                    connections: 8
                    requests:
                      - {name: read, weight: 3, get: "/read/${rows.id}"}
                      - {name: find, weight: 1, get: "/find/${rows.id}"}
                """.formatted(base());
        String startAt = java.time.Instant.now().plusSeconds(3).toString();
        List<java.util.concurrent.Future<RunResult>> shards = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                LoadSettings shard = new LoadSettings(Naming.FLAGS)
                        .set(LoadKey.SHARD, Setting.flag("--shard", i + "/2"))
                        .set(LoadKey.START_AT, Setting.flag("--start-at", startAt));
                RunPlan plan = ScenarioParser.parse(yaml, "mix.yaml", tmp, new PlanSettings(Naming.FLAGS), shard);
                Path out = tmp.resolve("shard" + i);
                shards.add(pool.submit(() -> {
                    try (RunExecutor executor = new RunExecutor(new PrintWriter(new StringWriter(), true),
                            new PrintWriter(new StringWriter()), true)) {
                        return executor.run(plan.runs().get(0), out);
                    }
                }));
            }
            List<Path> logs = new ArrayList<>();
            long[] read = new long[1];
            for (int i = 0; i < 2; i++) {
                RunResult r = shards.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
                read[0] += r.report().results().byRequest().get("read").requests();
                try (var files = Files.walk(tmp.resolve("shard" + i))) {
                    logs.addAll(files.filter(f -> f.getFileName().toString().equals("latency.hlog")).toList());
                }
            }
            // Each shard used only its own rows: together every row exactly once.
            List<Long> ids = new ArrayList<>();
            seen.stream().filter(s -> s.matches("GET /(read|find)/\\d+"))
                    .forEach(s -> ids.add(Long.parseLong(s.substring(s.lastIndexOf('/') + 1))));
            assertThat(ids).hasSize(ROWS).doesNotHaveDuplicates();
            var merged = io.apitune.report.MergedReport.write(logs, tmp.resolve("merged"), "shop");
            assertThat(merged.results().requests()).isEqualTo(ROWS);
            var by = merged.results().byRequest();
            assertThat(by).containsOnlyKeys("read", "find");
            assertThat(by.get("read").requests()).isEqualTo(read[0]);
            assertThat(by.get("read").requests() + by.get("find").requests()).isEqualTo(ROWS);
            assertThat(by.get("read").latency().count()).isEqualTo(by.get("read").ok());
        } finally {
            pool.shutdownNow();
        }
    }
}
