package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

class CachedHandlerTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void concurrentMissesForOneIdMakeOneUpstreamCall() throws Exception {
        Upstream upstream = new Upstream(vertx, Duration.ofMillis(300), Duration.ZERO);
        CachedHandler cached = new CachedHandler(upstream, 100, Duration.ofMinutes(1));
        List<Future<Item>> answers = onEventLoop(() -> {
            List<Future<Item>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(cached.item(7));
            }
            return all;
        });
        for (Future<Item> answer : answers) {
            assertThat(BoundedWorkersTest.get(answer)).isEqualTo(Item.of(7));
        }
        assertThat(upstream.calls()).isEqualTo(1);
        assertThat(cached.cache().misses()).isEqualTo(1);
        assertThat(cached.cache().hits()).isEqualTo(49);

        assertThat(BoundedWorkersTest.get(onEventLoop(() -> cached.item(8)))).isEqualTo(Item.of(8));
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(BoundedWorkersTest.get(onEventLoop(() -> cached.item(7)))).isEqualTo(Item.of(7));
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(cached.cache().hits()).isEqualTo(50);
    }

    @Test
    void entriesExpireAfterTheTtl() throws Exception {
        Upstream upstream = new Upstream(vertx, Duration.ZERO, Duration.ZERO);
        CachedHandler cached = new CachedHandler(upstream, 100, Duration.ofMillis(50));
        BoundedWorkersTest.get(onEventLoop(() -> cached.item(1)));
        Thread.sleep(200);
        BoundedWorkersTest.get(onEventLoop(() -> cached.item(1)));
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(cached.cache().misses()).isEqualTo(2);
    }

    private <T> T onEventLoop(java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.runOnContext(ignored -> result.complete(action.get()));
        return result.get(10, TimeUnit.SECONDS);
    }
}
