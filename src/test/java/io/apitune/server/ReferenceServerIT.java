package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.apitune.ApituneException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Every endpoint of the reference server over real HTTP, with the embedded PostgreSQL. */
class ReferenceServerIT {
    private static ReferenceServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(new ServerConfig("127.0.0.1", 0, Duration.ofMillis(20),
                Duration.ofMillis(5), 8, 32, 1_000, Duration.ofMinutes(1), null, 4, true));
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
        server.close();
    }

    @Test
    void baselines() throws Exception {
        Http.Reply text = Http.get(base + "/plaintext");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).isEqualTo("Hello, World!");
        assertThat(text.header("content-type")).isEqualTo("text/plain; charset=utf-8");
        Http.Reply json = Http.get(base + "/json");
        assertThat(new JsonObject(json.body()).getString("message")).isEqualTo("Hello, World!");
        assertThat(json.header("content-type")).isEqualTo("application/json; charset=utf-8");
    }

    @Test
    void everyResponseCarriesTheFourHeaders() throws Exception {
        for (String path : List.of("/plaintext", "/json", "/stats", "/async/item/1",
                "/blocking/item/x", "/no/such/path", "/async-db/queries?queries=2", "/virtual/item/1")) {
            Http.Reply r = Http.get(base + path);
            assertThat(r.header("server")).as(path).isEqualTo("apitune");
            assertThat(r.dateSkewSeconds()).as(path).isLessThanOrEqualTo(2);
            assertThat(r.header("content-type")).as(path).contains("charset=utf-8");
            assertThat(Integer.parseInt(r.header("content-length"))).as(path)
                    .isEqualTo(r.bodyBytes());
        }
    }

    @Test
    void everyItemModeAnswersTheSameBody() throws Exception {
        String expected = Item.of(1234).toJson();
        for (String mode : List.of("blocking", "async", "cached")) {
            Http.Reply r = Http.get(base + "/" + mode + "/item/1234");
            assertThat(r.status()).as(mode).isEqualTo(200);
            assertThat(r.body()).as(mode).isEqualTo(expected);
        }
        Http.Reply virtual = Http.get(base + "/virtual/item/1234");
        if (VirtualThreads.supported()) {
            assertThat(virtual.status()).isEqualTo(200);
            assertThat(virtual.body()).isEqualTo(expected);
            assertThat(server.availableModes()).contains(Mode.VIRTUAL);
        } else {
            assertThat(virtual.status()).isEqualTo(501);
            assertThat(new JsonObject(virtual.body()).getString("error")).contains("Java 21");
            assertThat(server.availableModes()).doesNotContain(Mode.VIRTUAL);
        }
    }

    @Test
    void dbModesReadWorldRows() throws Exception {
        for (String mode : List.of("blocking-db", "async-db")) {
            Http.Reply one = Http.get(base + "/" + mode + "/db");
            assertThat(one.status()).as(mode).isEqualTo(200);
            assertWorld(new JsonObject(one.body()));
            Http.Reply many = Http.get(base + "/" + mode + "/queries?queries=20");
            JsonArray rows = new JsonArray(many.body());
            assertThat(rows.size()).as(mode).isEqualTo(20);
            rows.forEach(row -> assertWorld((JsonObject) row));
        }
        assertThat(server.databaseKind()).isEqualTo("embedded");
    }

    @Test
    void queriesFollowTheTechEmpowerRules() throws Exception {
        for (String mode : List.of("blocking-db", "async-db")) {
            assertThat(rows(mode, "")).isEqualTo(1);
            assertThat(rows(mode, "?queries=0")).isEqualTo(1);
            assertThat(rows(mode, "?queries=abc")).isEqualTo(1);
            assertThat(rows(mode, "?queries=7")).isEqualTo(7);
            assertThat(rows(mode, "?queries=501")).isEqualTo(500);
        }
    }

    @Test
    void badIdIs400AndUnknownPathIs404() throws Exception {
        Http.Reply bad = Http.get(base + "/async/item/12ab");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("error")).contains("12ab");
        Http.Reply missing = Http.get(base + "/fast/item/1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(new JsonObject(missing.body()).getString("error")).contains("/fast/item/1");
    }

    @Test
    void statsCountRequestsErrorsAndCacheTraffic() throws Exception {
        JsonObject before = stats();
        Http.get(base + "/async/item/5");
        Http.get(base + "/async/item/6");
        Http.get(base + "/async/item/-1");
        List<CompletableFuture<Http.Reply>> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(Http.getAsync(base + "/cached/item/987654"));
        }
        for (CompletableFuture<Http.Reply> r : burst) {
            assertThat(r.get().status()).isEqualTo(200);
        }
        JsonObject after = stats();
        assertThat(delta(before, after, "async", "requests")).isEqualTo(3);
        assertThat(delta(before, after, "async", "errors")).isEqualTo(1);
        assertThat(delta(before, after, "cached", "requests")).isEqualTo(20);
        assertThat(delta(before, after, "cached", "cacheMisses")).isEqualTo(1);
        assertThat(delta(before, after, "cached", "cacheHits")).isEqualTo(19);
        assertThat(after.getJsonObject("modes").getJsonObject("async").getLong("inFlight")).isZero();
        assertThat(after.getJsonObject("pools")).isEqualTo(new JsonObject().put("workers", 8)
                .put("queue", 32).put("dbPool", 4).put("asyncDbPool", 4));
        assertThat(after.getString("database")).isEqualTo("embedded");
    }

    @Test
    void aSecondServerOnTheSamePortFailsWithExitThree() {
        ServerConfig same = new ServerConfig("127.0.0.1", server.port(), Duration.ZERO,
                Duration.ZERO, 1, 0, 1, Duration.ofSeconds(1), null, 1, false);
        assertThatThrownBy(() -> ReferenceServer.start(same))
                .isInstanceOf(ApituneException.class)
                .hasMessage("port " + server.port() + " on 127.0.0.1 is already in use")
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(3);
    }

    private static int rows(String mode, String query) throws Exception {
        Http.Reply r = Http.get(base + "/" + mode + "/queries" + query);
        assertThat(r.status()).isEqualTo(200);
        return new JsonArray(r.body()).size();
    }

    private static void assertWorld(JsonObject row) {
        assertThat(row.fieldNames()).containsExactlyInAnyOrder("id", "randomNumber");
        assertThat(row.getInteger("id")).isBetween(1, 10_000);
        assertThat(row.getInteger("randomNumber")).isBetween(1, 10_000);
    }

    static JsonObject stats() throws Exception {
        return new JsonObject(Http.get(base + "/stats").body());
    }

    private static long delta(JsonObject before, JsonObject after, String mode, String field) {
        return after.getJsonObject("modes").getJsonObject(mode).getLong(field)
                - before.getJsonObject("modes").getJsonObject(mode).getLong(field);
    }
}
