package io.apitune.jmh;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.apitune.server.Item;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What it costs a Vert.x handler to leave the event loop: the same small piece of work done on
 * the event loop, against handed to a named worker pool with {@code executeBlocking} and the
 * result delivered back on the event loop (what the {@code blocking} modes do per request).
 *
 * <p>Each invocation runs {@value #STEPS} steps one after another on one event-loop context,
 * then wakes the benchmark thread once, so the per-step score is the loop's own cost and not
 * the benchmark thread's wake-up. Run: {@code apitune jmh HandoffBench} or
 * {@code java -jar target/benchmarks.jar HandoffBench}.
 *
 * <p>Thread model: the benchmark thread only starts a chain and waits for it; every step runs on
 * the context's event-loop thread, the work of {@code workerPool} on the worker threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HandoffBench {
    static final int STEPS = 100;

    /** Worker threads in the named pool (the server's bounded pool size W). */
    @Param({"4"})
    int workerThreads;

    private Vertx vertx;
    private Context eventLoop;
    private WorkerExecutor workers;

    @Setup
    public void startVertx() {
        vertx = Vertx.vertx();
        eventLoop = vertx.getOrCreateContext();
        workers = vertx.createSharedWorkerExecutor("jmh-workers", workerThreads);
    }

    @TearDown
    public void stopVertx() throws TimeoutException {
        workers.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long eventLoop() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        eventLoop.runOnContext(v -> stayOnLoop(0, 0L, done));
        return done.join();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long workerPool() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        eventLoop.runOnContext(v -> viaWorkers(0, 0L, done));
        return done.join();
    }

    /** Does step {@code step} inline, then schedules the next one as a new event-loop task. */
    private void stayOnLoop(int step, long sum, CompletableFuture<Long> done) {
        if (step == STEPS) {
            done.complete(sum);
            return;
        }
        long next = sum + work(step);
        eventLoop.runOnContext(v -> stayOnLoop(step + 1, next, done));
    }

    /** Hands step {@code step} to the worker pool; its result comes back on the event loop. */
    private void viaWorkers(int step, long sum, CompletableFuture<Long> done) {
        if (step == STEPS) {
            done.complete(sum);
            return;
        }
        workers.executeBlocking(() -> work(step), false)
                .onSuccess(value -> viaWorkers(step + 1, sum + value, done))
                .onFailure(done::completeExceptionally);
    }

    /** The work of one step: what the upstream computes for an id once its latency is over. */
    private static long work(int step) {
        return Item.of(step).value().length();
    }
}
