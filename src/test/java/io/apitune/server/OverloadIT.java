package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/** A tiny worker pool sheds load with 503 + Retry-After; without a database the DB modes 503. */
class OverloadIT {
    @Test
    void fullPoolAnswers503WithRetryAfterAndCountsRejections() throws Exception {
        ServerConfig tiny = new ServerConfig("127.0.0.1", 0, Duration.ofMillis(1_500),
                Duration.ZERO, 1, 1, 10, Duration.ofMinutes(1), null, 1, false);
        try (ReferenceServer server = ReferenceServer.start(tiny)) {
            List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(Http.getAsync(server.baseUrl() + "/blocking/item/" + i));
            }
            int ok = 0;
            int rejected = 0;
            for (CompletableFuture<Http.Reply> f : replies) {
                Http.Reply r = f.get();
                if (r.status() == 503) {
                    rejected++;
                    assertThat(r.header("retry-after")).isEqualTo("1");
                    assertThat(new JsonObject(r.body()).getString("error")).contains("full");
                } else {
                    assertThat(r.status()).isEqualTo(200);
                    ok++;
                }
            }
            // 1 worker + 1 queue slot: at most 2 can be admitted while the first still sleeps.
            assertThat(ok).isBetween(1, 2);
            assertThat(rejected).isEqualTo(6 - ok);
            JsonObject blocking = new JsonObject(Http.get(server.baseUrl() + "/stats").body())
                    .getJsonObject("modes").getJsonObject("blocking");
            assertThat(blocking.getLong("rejected")).isEqualTo(rejected);
            assertThat(blocking.getLong("requests")).isEqualTo(6);
            assertThat(blocking.getLong("errors")).isZero();
            assertThat(blocking.getLong("queueDepth")).isZero();
        }
    }

    @Test
    void withoutDatabaseDbModesAnswer503AndOthersServe() throws Exception {
        ServerConfig noDb = new ServerConfig("127.0.0.1", 0, Duration.ZERO, Duration.ZERO, 2, 2,
                10, Duration.ofMinutes(1), null, 1, false);
        try (ReferenceServer server = ReferenceServer.start(noDb)) {
            assertThat(server.availableModes()).doesNotContain(Mode.BLOCKING_DB, Mode.ASYNC_DB);
            for (String path : List.of("/blocking-db/db", "/async-db/queries?queries=3")) {
                Http.Reply r = Http.get(server.baseUrl() + path);
                assertThat(r.status()).as(path).isEqualTo(503);
                assertThat(new JsonObject(r.body()).getString("error")).contains("database is off");
            }
            assertThat(Http.get(server.baseUrl() + "/cached/item/3").status()).isEqualTo(200);
            JsonObject stats = new JsonObject(Http.get(server.baseUrl() + "/stats").body());
            assertThat(stats.getString("database")).isEqualTo("off");
            assertThat(stats.getJsonObject("modes").getJsonObject("blocking-db").getLong("errors"))
                    .isEqualTo(1);
        }
    }

    @Test
    void closeDrainsInFlightRequestsThenRefusesNewOnes() throws Exception {
        ServerConfig slow = new ServerConfig("127.0.0.1", 0, Duration.ofMillis(1_000),
                Duration.ZERO, 2, 2, 10, Duration.ofMinutes(1), null, 1, false);
        ReferenceServer server = ReferenceServer.start(slow);
        String base = server.baseUrl();
        List<CompletableFuture<Http.Reply>> inFlight = List.of(
                Http.getAsync(base + "/blocking/item/1"), Http.getAsync(base + "/async/item/2"),
                Http.getAsync(base + "/cached/item/3"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.stats().of(Mode.BLOCKING).inFlight() + server.stats().of(Mode.ASYNC).inFlight()
                + server.stats().of(Mode.CACHED).inFlight() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        server.close();
        for (CompletableFuture<Http.Reply> reply : inFlight) {
            assertThat(reply.get().status()).isEqualTo(200);
        }
        assertThat(Http.getAsync(base + "/plaintext")).failsWithin(Duration.ofSeconds(10));
    }
}
