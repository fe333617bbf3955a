package io.apitune.server;

import java.util.EnumMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * All per-mode counters, the per-protocol request counts, the pool sizes and database kind,
 * rendered as the {@code /stats} JSON:
 * {@code {"modes":{"blocking":{…},…},"protocols":{"http/1.1":…},"pools":{…},"database":"embedded"}}.
 *
 * <p>Thread-safe: the map is filled at construction and only read afterwards.
 */
public final class ServerStats {
    private final Map<Mode, ModeStats> modes = new EnumMap<>(Mode.class);
    private final ProtocolStats protocols = new ProtocolStats();
    private final JsonObject pools;
    private final String database;

    /** @param database {@code embedded}, {@code external} or {@code off} */
    public ServerStats(Handlers handlers, ServerConfig config, String database) {
        for (Mode mode : Mode.values()) {
            modes.put(mode, ModeStats.plain());
        }
        modes.put(Mode.CACHED, new ModeStats(handlers.cached()::hits, handlers.cached()::misses,
                () -> 0));
        modes.put(Mode.BLOCKING, new ModeStats(() -> 0, () -> 0,
                handlers.blocking().workers()::queueDepth));
        if (handlers.cachedDb() != null) {
            modes.put(Mode.CACHED_DB, new ModeStats(handlers.cachedDb()::hits,
                    handlers.cachedDb()::misses, () -> 0));
        }
        if (handlers.blockingDb() != null) {
            modes.put(Mode.BLOCKING_DB, new ModeStats(() -> 0, () -> 0,
                    handlers.blockingDb().workers()::queueDepth));
        }
        this.pools = new JsonObject().put("workers", config.workers()).put("queue", config.queue())
                .put("dbPool", config.dbPool()).put("asyncDbPool", config.dbPool());
        this.database = database;
    }

    public ModeStats of(Mode mode) {
        return modes.get(mode);
    }

    /** Requests by protocol, counted for every path (not only the modes'). */
    public ProtocolStats protocols() {
        return protocols;
    }

    public JsonObject toJson() {
        JsonObject perMode = new JsonObject();
        modes.forEach((mode, stats) -> perMode.put(mode.path(), stats.toJson()));
        return new JsonObject().put("modes", perMode).put("protocols", protocols.toJson())
                .put("pools", pools.copy()).put("database", database);
    }
}
