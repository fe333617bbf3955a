package io.apitune.server;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * A named, bounded pool of {@code workers} threads with room for {@code queue} waiting tasks.
 * A task beyond {@code workers + queue} in flight is refused at once with
 * {@link HandlerException#rejected} instead of being queued without bound. Tasks run unordered
 * (ordered execution would serialise a context); results come back on the caller's context.
 *
 * <p>Thread-safe: submit from any thread, typically event loops.
 */
public final class BoundedWorkers implements AutoCloseable {
    private final WorkerExecutor executor;
    private final String name;
    private final int workers;
    private final int queue;
    private final AtomicInteger inFlight = new AtomicInteger();

    public BoundedWorkers(Vertx vertx, String name, int workers, int queue) {
        this.executor = vertx.createSharedWorkerExecutor(name, workers);
        this.name = name;
        this.workers = workers;
        this.queue = queue;
    }

    /** Runs {@code task} on a worker, or fails at once when pool and queue are full. */
    public <T> Future<T> submit(Callable<T> task) {
        if (inFlight.incrementAndGet() > workers + queue) {
            inFlight.decrementAndGet();
            return Future.failedFuture(HandlerException.rejected(
                    name + " pool is full (" + workers + " workers, " + queue + " queued)"));
        }
        return executor.executeBlocking(task, false).andThen(ignored -> inFlight.decrementAndGet());
    }

    /** Tasks running or waiting right now. */
    public int inFlight() {
        return inFlight.get();
    }

    public int workers() {
        return workers;
    }

    public int queue() {
        return queue;
    }

    public String name() {
        return name;
    }

    /** Tasks waiting for a worker right now. */
    public int queueDepth() {
        return Math.max(0, inFlight.get() - workers);
    }

    @Override
    public void close() {
        executor.close();
    }
}
