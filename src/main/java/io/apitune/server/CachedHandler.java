package io.apitune.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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
    private final CountedCache<Long, Item> cache;
    private final Upstream upstream;

    public CachedHandler(Upstream upstream, long maximumSize, Duration timeToLive) {
        this.upstream = upstream;
        this.cache = new CountedCache<>(maximumSize, timeToLive);
    }

    public Future<Item> item(long id) {
        CompletableFuture<Item> result = cache.get(id,
                key -> upstream.call(key).toCompletionStage().toCompletableFuture());
        if (result.isDone() && !result.isCompletedExceptionally()) {
            return Future.succeededFuture(result.join());
        }
        Context context = Vertx.currentContext();
        return context == null ? Future.fromCompletionStage(result)
                : Future.fromCompletionStage(result, context);
    }

    public long hits() {
        return cache.hits();
    }

    public long misses() {
        return cache.misses();
    }

    /** Entries cached right now (Caffeine's estimate). */
    public long size() {
        return cache.size();
    }
}
