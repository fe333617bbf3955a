package io.apitune.server;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The simulated slow upstream call: latency {@code backendLatency} plus a uniform random extra in
 * [0, jitter], then the deterministic {@link Item} for the id. One blocking variant (parks the
 * calling thread) and one non-blocking variant (a Vert.x timer); both count calls.
 *
 * <p>Thread-safe: any number of threads may call concurrently.
 */
public final class Upstream {
    private final Vertx vertx;
    private final long latencyNanos;
    private final long jitterNanos;
    private final LongAdder calls = new LongAdder();

    public Upstream(Vertx vertx, Duration backendLatency, Duration jitter) {
        this.vertx = vertx;
        this.latencyNanos = backendLatency.toNanos();
        this.jitterNanos = jitter.toNanos();
    }

    /**
     * Blocks the calling thread for the simulated latency. Never call it on an event loop.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Item callBlocking(long id) throws InterruptedException {
        calls.increment();
        long deadlineNanos = System.nanoTime() + delayNanos();
        long leftNanos;
        while ((leftNanos = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(leftNanos);
            if (Thread.interrupted()) {
                throw new InterruptedException("upstream call interrupted");
            }
        }
        return Item.of(id);
    }

    /** Completes after the simulated latency without holding any thread (a Vert.x timer). */
    public Future<Item> call(long id) {
        calls.increment();
        long delayNanos = delayNanos();
        if (delayNanos <= 0) {
            return Future.succeededFuture(Item.of(id));
        }
        return vertx.timer(delayNanos, TimeUnit.NANOSECONDS).map(ignored -> Item.of(id));
    }

    /** Upstream calls made so far (both variants). */
    public long calls() {
        return calls.sum();
    }

    private long delayNanos() {
        if (jitterNanos == 0) {
            return latencyNanos;
        }
        return latencyNanos + ThreadLocalRandom.current().nextLong(jitterNanos + 1);
    }
}
