package io.apitune.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.apitune.db.World;
import io.vertx.core.Future;

/**
 * Mode {@code cached-db} (TechEmpower "cached queries"): a Caffeine async cache of World rows
 * (bounded size, expire after write) in front of the async driver, filled on demand. Concurrent
 * misses for one id share one in-flight query. As in {@link CachedHandler}, a lookup that starts
 * the query is a miss and every other one a hit, so {@code misses == database reads} of this
 * mode. The cache is not told about {@code /updates}: a cached row is at most the TTL old.
 *
 * <p>Thread-safe; results are delivered on the caller's Vert.x context.
 */
public final class CachedDbHandler {
    private final CountedCache<Integer, World> cache;
    private final AsyncDbHandler database;
    private final QueryTimer queries = new QueryTimer();

    public CachedDbHandler(AsyncDbHandler database, long maximumSize, Duration timeToLive) {
        this.database = database;
        this.cache = new CountedCache<>(maximumSize, timeToLive);
    }

    /** One random row. */
    public Future<World> one() {
        return queries(1).map(rows -> rows.get(0));
    }

    /** {@code count} random rows, 1..500; all from the cache when every id is cached. */
    public Future<List<World>> queries(int count) {
        List<CompletableFuture<World>> rows = new ArrayList<>(count);
        boolean allDone = true;
        for (int i = 0; i < count; i++) {
            CompletableFuture<World> row = lookup(WorldRandom.id());
            allDone &= row.isDone() && !row.isCompletedExceptionally();
            rows.add(row);
        }
        if (allDone) {
            List<World> worlds = new ArrayList<>(count);
            for (CompletableFuture<World> row : rows) {
                worlds.add(row.join());
            }
            return Future.succeededFuture(worlds);
        }
        return AsyncDbHandler.bounded(CountedCache.onContext(CompletableFuture
                .allOf(rows.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> rows.stream().map(CompletableFuture::join).toList())));
    }

    /** The row with this id, from the cache or (a miss) from the database. */
    CompletableFuture<World> lookup(int id) {
        return cache.get(id, key -> database.read(key, queries).toCompletionStage().toCompletableFuture());
    }

    /** The timing of this mode's database reads (its misses). */
    public QueryTimer queries() {
        return queries;
    }

    /** Its hits, misses and size (rows cached). */
    CountedCache<Integer, World> cache() {
        return cache;
    }
}
