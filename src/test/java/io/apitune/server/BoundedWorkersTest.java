package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

class BoundedWorkersTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void rejectsBeyondWorkersPlusQueueAndCountsQueueDepth() throws Exception {
        BoundedWorkers workers = new BoundedWorkers(vertx, "test-bounded", 1, 1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> running = workers.submit(() -> await(release, "a"));
        Future<String> queued = workers.submit(() -> await(release, "b"));
        Future<String> refused = workers.submit(() -> "c");

        assertThat(refused.failed()).isTrue();
        assertThat(refused.cause()).isInstanceOf(HandlerException.class);
        assertThat(((HandlerException) refused.cause()).isRejected()).isTrue();
        assertThat(((HandlerException) refused.cause()).status()).isEqualTo(503);
        assertThat(workers.queueDepth()).isEqualTo(1);

        release.countDown();
        assertThat(get(running)).isEqualTo("a");
        assertThat(get(queued)).isEqualTo("b");
        assertThat(workers.queueDepth()).isZero();
        assertThat(get(workers.submit(() -> "d"))).isEqualTo("d");
    }

    @Test
    void unorderedExecutionRunsTasksInParallel() throws Exception {
        BoundedWorkers workers = new BoundedWorkers(vertx, "test-parallel", 2, 0);
        CountDownLatch both = new CountDownLatch(2);
        // Each task waits for the other: only completes if both run at the same time.
        Future<Boolean> a = workers.submit(() -> meet(both));
        Future<Boolean> b = workers.submit(() -> meet(both));
        assertThat(get(a)).isTrue();
        assertThat(get(b)).isTrue();
    }

    private static String await(CountDownLatch latch, String result) throws InterruptedException {
        latch.await(10, TimeUnit.SECONDS);
        return result;
    }

    private static boolean meet(CountDownLatch both) throws InterruptedException {
        both.countDown();
        return both.await(10, TimeUnit.SECONDS);
    }

    static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
