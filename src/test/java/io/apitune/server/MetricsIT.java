package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * {@code GET /metrics} is valid Prometheus text (checked by a real parser) and its figures match
 * {@code /stats} and a known number of requests; {@code --no-metrics} turns it off.
 */
class MetricsIT {
    private static final List<String> MODES = List.of("blocking", "async", "cached", "virtual",
            "blocking-db", "async-db", "cached-db");

    @Test
    void metricsParseAndMatchStatsAfterAKnownNumberOfRequests() throws Exception {
        String python = PrometheusParser.python();
        String base = SharedDbServer.base();
        double plaintextBefore = timerCount(scrape(python, base), "none", "plaintext");
        double queriesBefore = timerCount(scrape(python, base), "async-db", "queries");
        for (int i = 0; i < 25; i++) {
            Http.get(base + "/plaintext");
        }
        for (int i = 0; i < 7; i++) {
            Http.get(base + "/async-db/queries?queries=3");
            Http.get(base + "/cached-db/queries?count=20");
            Http.get(base + "/cached/item/" + (i % 3));
        }
        Http.get(base + "/async/item/bad");
        Http.postJson(base + "/blocking-db/items", "{}");

        List<PrometheusParser.Sample> samples = scrape(python, base);
        JsonObject stats = new JsonObject(Http.get(base + "/stats").body()).getJsonObject("modes");
        assertThat(timerCount(samples, "none", "plaintext") - plaintextBefore).isEqualTo(25);
        assertThat(timerCount(samples, "async-db", "queries") - queriesBefore).isEqualTo(7);
        for (String mode : MODES) {
            JsonObject m = stats.getJsonObject(mode);
            assertThat(value(samples, "apitune_mode_requests_total", "mode", mode)).as(mode)
                    .isEqualTo(m.getLong("requests").doubleValue());
            assertThat(value(samples, "apitune_mode_errors_total", "mode", mode)).as(mode)
                    .isEqualTo(m.getLong("errors").doubleValue());
            assertThat(value(samples, "apitune_mode_rejected_total", "mode", mode)).as(mode)
                    .isEqualTo(m.getLong("rejected").doubleValue());
            assertThat(value(samples, "apitune_mode_bad_requests_total", "mode", mode)).as(mode)
                    .isEqualTo(m.getLong("badRequests").doubleValue());
            assertThat(value(samples, "apitune_mode_in_flight", "mode", mode)).as(mode).isZero();
        }
        for (String mode : List.of("cached", "cached-db")) {
            JsonObject m = stats.getJsonObject(mode);
            assertThat(cacheGets(samples, mode, "hit")).as(mode)
                    .isEqualTo(m.getLong("cacheHits").doubleValue());
            assertThat(cacheGets(samples, mode, "miss")).as(mode)
                    .isEqualTo(m.getLong("cacheMisses").doubleValue());
        }
        assertThat(stats.getJsonObject("async").getLong("errors")).isPositive();
        assertThat(stats.getJsonObject("blocking-db").getLong("badRequests")).isPositive();
    }

    @Test
    void poolJvmAndGcMetricsAreExported() throws Exception {
        List<PrometheusParser.Sample> samples = scrape(PrometheusParser.python(),
                SharedDbServer.base());
        assertThat(value(samples, "apitune_pool_threads", "pool", "apitune-blocking-db"))
                .isEqualTo(8);
        assertThat(value(samples, "apitune_pool_queue_capacity", "pool", "apitune-blocking"))
                .isEqualTo(64);
        assertThat(value(samples, "apitune_pool_queue_depth", "pool", "apitune-blocking-db"))
                .isZero();
        assertThat(value(samples, "hikaricp_connections_max", "pool", "apitune-blocking-db"))
                .isEqualTo(4);
        assertThat(value(samples, "apitune_db_pool_max", "pool", "apitune-async-db")).isEqualTo(4);
        assertThat(samples).anyMatch(s -> s.name().equals("jvm_memory_used_bytes"));
        assertThat(samples).anyMatch(s -> s.name().startsWith("jvm_gc_"));
        assertThat(samples).anyMatch(s -> s.name().equals("jvm_threads_live_threads"));
        assertThat(samples).filteredOn(s -> s.name().equals("apitune_request_seconds_bucket"))
                .isNotEmpty().allMatch(s -> s.type().equals("histogram"));
    }

    @Test
    void noMetricsRecordsNothingAndAnswers404() throws Exception {
        ServerConfig off = new ServerConfig("127.0.0.1", 0, Duration.ZERO, Duration.ZERO, 1, 1,
                10, Duration.ofMinutes(1), null, 1, false).withMetrics(false);
        try (ReferenceServer server = ReferenceServer.start(off)) {
            assertThat(Http.get(server.baseUrl() + "/plaintext").status()).isEqualTo(200);
            Http.Reply metrics = Http.get(server.baseUrl() + "/metrics");
            assertThat(metrics.status()).isEqualTo(404);
            assertThat(new JsonObject(metrics.body()).getString("error")).contains("--no-metrics");
        }
    }

    private static List<PrometheusParser.Sample> scrape(String python, String base)
            throws Exception {
        Http.Reply r = Http.get(base + "/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusParser.parse(python, r.body());
    }

    private static double timerCount(List<PrometheusParser.Sample> samples, String mode,
            String endpoint) {
        return samples.stream().filter(s -> s.name().equals("apitune_request_seconds_count")
                && mode.equals(s.label("mode")) && endpoint.equals(s.label("endpoint")))
                .mapToDouble(PrometheusParser.Sample::value).findFirst().orElseThrow();
    }

    private static double cacheGets(List<PrometheusParser.Sample> samples, String mode,
            String result) {
        return samples.stream().filter(s -> s.name().equals("apitune_cache_gets_total")
                && mode.equals(s.label("mode")) && result.equals(s.label("result")))
                .mapToDouble(PrometheusParser.Sample::value).findFirst().orElseThrow();
    }

    private static double value(List<PrometheusParser.Sample> samples, String name, String key,
            String label) {
        return samples.stream().filter(s -> s.name().equals(name) && label.equals(s.label(key)))
                .mapToDouble(PrometheusParser.Sample::value).findFirst()
                .orElseThrow(() -> new AssertionError(name + "{" + key + "=" + label + "} missing"));
    }

}
