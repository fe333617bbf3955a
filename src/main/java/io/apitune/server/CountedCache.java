package io.apitune.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A Caffeine async cache (bounded size, expire after write) that counts its lookups: the one
 * that starts a load is a miss, every other one (including one that joins an in-flight load) a
 * hit, so {@code misses} equals the loads made. Concurrent misses for one key share one load;
 * a failed load is not cached. Used by {@code cached} and {@code cached-db}.
 *
 * <p>Thread-safe: lookups from any thread.
 */
final class CountedCache<K, V> {
    private final AsyncCache<K, V> cache;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    CountedCache(long maximumSize, Duration timeToLive) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(timeToLive)
                .buildAsync();
    }

    /** The value for {@code key}, from the cache or from {@code load} (called on this thread). */
    CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> load) {
        boolean[] loaded = new boolean[1];
        CompletableFuture<V> value = cache.get(key, (k, executor) -> {
            loaded[0] = true;
            return load.apply(k);
        });
        (loaded[0] ? misses : hits).increment();
        return value;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** Entries cached right now (Caffeine's estimate). */
    long size() {
        return cache.synchronous().estimatedSize();
    }
}
