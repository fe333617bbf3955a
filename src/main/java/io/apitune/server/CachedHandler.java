package io.apitune.server;

import java.time.Duration;

import io.vertx.core.Future;

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
        return CountedCache.onContext(cache.get(id,
                key -> upstream.call(key).toCompletionStage().toCompletableFuture()));
    }

    /** Its hits, misses and size. */
    CountedCache<Long, Item> cache() {
        return cache;
    }
}
