package io.apitune.jmh;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the {@code cached} mode costs per request on the CPU: a Caffeine hit, a Caffeine miss
 * (upstream call + insertion + the eviction it causes in a full cache), and the plain upstream
 * call with no cache. The simulated upstream here only computes its answer (no waiting), so the
 * numbers are the cache's own overhead; end to end a hit also saves the upstream latency.
 *
 * <p>Run: {@code apitune jmh CacheBench} or {@code java -jar target/benchmarks.jar CacheBench}.
 * Thread model: one benchmark thread per state ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheBench {
    /** Distinct keys the cache holds; misses use keys outside this set. */
    @Param({"1000", "100000"})
    int cacheSize;

    private static final int MISS_KEYS = 1 << 20;

    private Cache<String, SampleResponses.Item> cache;
    private String[] hitKeys;
    private String[] missKeys;
    private int hitIndex;
    private int missIndex;

    @Setup
    public void fillCache() {
        // Maintenance (eviction) runs on the calling thread so its cost is counted, not hidden in FJP.
        cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
        hitKeys = SampleResponses.keys("item-", cacheSize);
        missKeys = SampleResponses.keys("miss-", MISS_KEYS);
        for (String key : hitKeys) {
            cache.put(key, upstreamCall(key));
        }
        cache.cleanUp();
    }

    private static SampleResponses.Item upstreamCall(String key) {
        return SampleResponses.itemFor(key, "cached");
    }

    /** The plain upstream call, no cache: the baseline for hit and miss. */
    @Benchmark
    public SampleResponses.Item upstream() {
        String key = hitKeys[hitIndex];
        hitIndex = hitIndex + 1 == hitKeys.length ? 0 : hitIndex + 1;
        return upstreamCall(key);
    }

    /** A lookup of a key that is in the cache. */
    @Benchmark
    public SampleResponses.Item hit() {
        String key = hitKeys[hitIndex];
        hitIndex = hitIndex + 1 == hitKeys.length ? 0 : hitIndex + 1;
        return cache.get(key, CacheBench::upstreamCall);
    }

    /** A lookup of a key not in the (full) cache: upstream call, insertion and eviction. */
    @Benchmark
    public SampleResponses.Item miss() {
        String key = missKeys[missIndex];
        missIndex = missIndex + 1 == MISS_KEYS ? 0 : missIndex + 1;
        return cache.get(key, CacheBench::upstreamCall);
    }
}
