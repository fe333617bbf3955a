package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

class UpstreamTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void bothVariantsTakeAtLeastTheLatencyAndCountCalls() throws Exception {
        Upstream upstream = new Upstream(vertx, Duration.ofMillis(50), Duration.ofMillis(10));
        long start = System.nanoTime();
        assertThat(upstream.callBlocking(3)).isEqualTo(Item.of(3));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);

        start = System.nanoTime();
        assertThat(BoundedWorkersTest.get(upstream.call(4))).isEqualTo(Item.of(4));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(50_000_000L);
        assertThat(upstream.calls()).isEqualTo(2);
    }

    @Test
    void zeroLatencyCompletesImmediately() {
        Upstream upstream = new Upstream(vertx, Duration.ZERO, Duration.ZERO);
        assertThat(upstream.call(9).result()).isEqualTo(Item.of(9));
    }
}
