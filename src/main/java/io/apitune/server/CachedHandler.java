package io.apitune.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Mode {@code cached}: a Caffeine async cache (bounded size, expire after write) in front of the
 * async upstream call. Concurrent misses for one id share one in-flight upstream call. A request
 * that starts the upstream call counts as a miss; every other request (including one that joins
 * an in-flight call) counts as a hit, so {@code misses == upstream calls} made by this mode.
 *
 * <p>Thread-safe; results are delivered on the caller's Vert.x context.
 */
public final class CachedHandler {
    private final AsyncCache<Long, Item> cache;
    private final Upstream upstream;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public CachedHandler(Upstream upstream, long maximumSize, Duration timeToLive) {
        this.upstream = upstream;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(timeToLive)
                .buildAsync();
    }

    public Future<Item> item(long id) {
        boolean[] loaded = new boolean[1];
        CompletableFuture<Item> result = cache.get(id, (key, executor) -> {
            loaded[0] = true;
            return upstream.call(key).toCompletionStage().toCompletableFuture();
        });
        (loaded[0] ? misses : hits).increment();
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return Future.succeededFuture(result.join());
        }
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(result)
                : Future.fromCompletionStage(result, context);
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Entries cached right now (Caffeine's estimate). */
    public long size() {
        return cache.synchronous().estimatedSize();
    }
}
