package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.apitune.db.World;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The cached-db mode against the embedded PostgreSQL: one query per id however many lookups
 * miss at once, expiry after the TTL, and {@code /stats} counting every lookup as a hit or a
 * miss.
 */
class CachedDbIT {
    @Test
    void concurrentMissesForOneIdMakeOneQuery() throws Exception {
        CachedDbHandler cache = new CachedDbHandler(SharedDbServer.get().handlers().asyncDb(), 100,
                Duration.ofMinutes(1));
        List<CompletableFuture<World>> lookups = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lookups.add(cache.lookup(77));
        }
        World first = lookups.get(0).get(10, TimeUnit.SECONDS);
        assertThat(first.id()).isEqualTo(77);
        for (CompletableFuture<World> lookup : lookups) {
            assertThat(lookup.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        assertThat(cache.cache().misses()).isEqualTo(1);
        assertThat(cache.cache().hits()).isEqualTo(49);
        assertThat(cache.lookup(78).get(10, TimeUnit.SECONDS).id()).isEqualTo(78);
        assertThat(cache.cache().misses()).isEqualTo(2);
        assertThat(cache.cache().size()).isEqualTo(2);
    }

    @Test
    void entriesExpireAfterTheTtl() throws Exception {
        CachedDbHandler cache = new CachedDbHandler(SharedDbServer.get().handlers().asyncDb(), 100,
                Duration.ofMillis(50));
        cache.lookup(5).get(10, TimeUnit.SECONDS);
        Thread.sleep(200);
        cache.lookup(5).get(10, TimeUnit.SECONDS);
        assertThat(cache.cache().misses()).isEqualTo(2);
        assertThat(cache.cache().hits()).isZero();
    }

    @Test
    void statsCountEveryLookupAsAHitOrAMiss() throws Exception {
        String base = SharedDbServer.base();
        JsonObject before = cachedDbStats(base);
        for (int i = 0; i < 4; i++) {
            Http.Reply r = Http.get(base + "/cached-db/queries?count=500");
            assertThat(r.status()).isEqualTo(200);
            assertThat(new JsonArray(r.body()).size()).isEqualTo(500);
        }
        JsonObject after = cachedDbStats(base);
        long hits = after.getLong("cacheHits") - before.getLong("cacheHits");
        long misses = after.getLong("cacheMisses") - before.getLong("cacheMisses");
        assertThat(hits + misses).isEqualTo(2_000);
        // 2,000 draws from 10,000 ids: some ids repeat, so some lookups must hit.
        assertThat(hits).isPositive();
        assertThat(after.getLong("requests") - before.getLong("requests")).isEqualTo(4);
        assertThat(after.getLong("errors") - before.getLong("errors")).isZero();
    }

    private static JsonObject cachedDbStats(String base) throws Exception {
        return new JsonObject(Http.get(base + "/stats").body()).getJsonObject("modes")
                .getJsonObject("cached-db");
    }
}
