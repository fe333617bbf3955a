package io.apitune.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

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

    /**
     * {@code value} as a Vert.x future: at once when it is already there, else completed on the
     * calling thread's Vert.x context (when it has one).
     */
    static <T> Future<T> onContext(CompletableFuture<T> value) {
        if (value.isDone() && !value.isCompletedExceptionally()) {
            return Future.succeededFuture(value.join());
        }
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(value) : Future.fromCompletionStage(value, context);
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
