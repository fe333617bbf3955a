package io.apitune.jmh;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.apitune.server.AsyncHandler;
import io.apitune.server.BlockingHandler;
import io.apitune.server.BoundedWorkers;
import io.apitune.server.CachedHandler;
import io.apitune.server.Item;
import io.apitune.server.Upstream;
import io.apitune.server.VirtualHandler;
import io.apitune.server.VirtualThreads;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * Each item mode's request path in isolation, with no network: the server's own handler
 * ({@code BlockingHandler}, {@code AsyncHandler}, {@code CachedHandler}, {@code VirtualHandler})
 * called on a Vert.x event loop, its {@code Future<Item>} mapped to the JSON body as the route
 * does, the next request started when the previous one has completed. The upstream latency is
 * zero, so the score is what the technique itself costs per request; {@code cached} serves hits
 * (every id is cached in the setup).
 *
 * <p>{@code virtual} needs Java 21+: {@code -p mode=virtual} under such a JVM; on Java 17 its
 * setup fails with that message. Each invocation runs {@value #STEPS} requests.
 * Run: {@code apitune jmh ModeBench} or {@code java -jar target/benchmarks.jar ModeBench}.
 *
 * <p>Thread model: the benchmark thread starts a chain on the event-loop context and waits for
 * it; handlers run on the event loop, {@code blocking}'s upstream call on its worker pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModeBench {
    static final int STEPS = 100;
    private static final int IDS = 1000;
    private static final int WORKERS = 8;
    private static final int QUEUE = 64;

    /** The server mode whose request path is measured. */
    @Param({"blocking", "async", "cached"})
    String mode;

    private Vertx vertx;
    private Context eventLoop;
    private RequestPath path;
    private AutoCloseable resources;

    /** One mode's request path: an id in, the item out, possibly later. */
    @FunctionalInterface
    interface RequestPath {
        Future<Item> item(long id);
    }

    @Setup
    public void startHandler() {
        vertx = Vertx.vertx();
        eventLoop = vertx.getOrCreateContext();
        Upstream upstream = new Upstream(vertx, Duration.ZERO, Duration.ZERO);
        path = switch (mode) {
            case "blocking" -> blocking(upstream);
            case "async" -> new AsyncHandler(upstream)::item;
            case "cached" -> cached(upstream);
            case "virtual" -> virtual(upstream);
            default -> throw new IllegalArgumentException("mode: '" + mode
                    + "' is not an item mode (blocking, async, cached, virtual)");
        };
    }

    private RequestPath blocking(Upstream upstream) {
        BoundedWorkers workers = new BoundedWorkers(vertx, "jmh-blocking", WORKERS, QUEUE);
        resources = workers;
        return new BlockingHandler(workers, upstream)::item;
    }

    private static RequestPath cached(Upstream upstream) {
        CachedHandler handler = new CachedHandler(upstream, IDS, Duration.ofHours(1));
        for (long id = 0; id < IDS; id++) {
            handler.item(id);
        }
        return handler::item;
    }

    private RequestPath virtual(Upstream upstream) {
        if (!VirtualThreads.supported()) {
            throw new IllegalStateException("mode 'virtual' needs Java 21 or newer; this JVM is "
                    + Runtime.version().feature());
        }
        VirtualHandler handler = new VirtualHandler(upstream, VirtualThreads.newPerTaskExecutor());
        resources = handler;
        return handler::item;
    }

    @TearDown
    public void stopHandler() throws Exception {
        if (resources != null) {
            resources.close();
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int request() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        eventLoop.runOnContext(v -> next(0, 0, done));
        return done.join();
    }

    /** Request {@code step}: runs on the event loop; the next one starts from its completion. */
    private void next(int step, int bodyBytes, CompletableFuture<Integer> done) {
        if (step == STEPS) {
            done.complete(bodyBytes);
            return;
        }
        path.item(step % IDS).map(Item::toJson).onComplete(ar -> {
            if (ar.failed()) {
                done.completeExceptionally(ar.cause());
            } else {
                // Re-dispatch so a chain of already-completed futures does not grow the stack.
                eventLoop.runOnContext(v -> next(step + 1, bodyBytes + ar.result().length(), done));
            }
        });
    }
}
