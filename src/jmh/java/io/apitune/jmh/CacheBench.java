package io.apitune.jmh;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.apitune.server.CachedHandler;
import io.apitune.server.Item;
import io.apitune.server.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code cached} mode costs per request on the CPU, with the server's own
 * {@link CachedHandler} (Caffeine async cache, bounded, expire-after-write) and {@link Upstream}:
 * a hit, a miss (upstream call + insertion + the eviction it causes in a full cache), and the
 * plain upstream call with no cache (the {@code async} mode's path). The upstream latency is
 * zero here, so the scores are the machinery's own cost; end to end a hit also saves the
 * upstream latency ({@code --backend-latency}), which is what makes caching pay.
 *
 * <p>Caffeine runs eviction on its default executor (the common pool), as in the server, so part
 * of a miss's cost is paid on another thread. Run: {@code apitune jmh CacheBench} or
 * {@code java -jar target/benchmarks.jar CacheBench}.
 *
 * <p>Thread model: one benchmark thread per state ({@link Scope#Thread}); the handler is
 * thread-safe and called from a non-Vert.x thread, where completed futures are returned directly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheBench {
    private static final Duration TTL = Duration.ofHours(1);

    /**
     * Entries the cache holds (the server's {@code --cache-size}, default 10000); hits cycle over
     * all of them, so the larger size also shows what cache misses in the CPU's own caches cost.
     */
    @Param({"10000", "1000000"})
    int cacheSize;

    private Vertx vertx;
    private Upstream upstream;
    private CachedHandler cached;
    private long hitId;
    private long missId;

    @Setup
    public void fillCache() {
        vertx = Vertx.vertx();
        upstream = new Upstream(vertx, Duration.ZERO, Duration.ZERO);
        cached = new CachedHandler(upstream, cacheSize, TTL);
        for (long id = 0; id < cacheSize; id++) {
            cached.item(id);
        }
        missId = cacheSize;
    }

    @TearDown
    public void stopVertx() throws TimeoutException {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** The plain upstream call, no cache: the baseline for hit and miss. */
    @Benchmark
    public Future<Item> upstream() {
        hitId = hitId + 1 == cacheSize ? 0 : hitId + 1;
        return upstream.call(hitId);
    }

    /** A request for an id that is in the cache. */
    @Benchmark
    public Future<Item> hit() {
        hitId = hitId + 1 == cacheSize ? 0 : hitId + 1;
        return cached.item(hitId);
    }

    /** A request for an id never seen before: upstream call, insertion, eviction of another entry. */
    @Benchmark
    public Future<Item> miss() {
        return cached.item(missId++);
    }
}
