package io.apitune.server;

import java.util.EnumMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * All per-mode counters, the per-protocol request counts, the pool sizes, the simulated backend's
 * latency and jitter, and the database kind, rendered as the {@code /stats} JSON:
 * {@code {"modes":{"blocking":{…},…},"protocols":{"http/1.1":…},"pools":{…},
 * "backend":{"latencyMs":20.0,"jitterMs":0.0},"database":"embedded"}}. A client that knows nothing
 * else about the server (a {@code --server} target) reads from it what the theory of a mode needs.
 *
 * <p>Thread-safe: the map is filled at construction and only read afterwards.
 */
public final class ServerStats {
    private final Map<Mode, ModeStats> modes = new EnumMap<>(Mode.class);
    private final ProtocolStats protocols = new ProtocolStats();
    private final JsonObject pools;
    private final JsonObject backend;
    private final String database;

    /** @param database {@code embedded}, {@code external} or {@code off} */
    public ServerStats(Handlers handlers, ServerConfig config, String database) {
        for (Mode mode : Mode.values()) {
            modes.put(mode, ModeStats.plain());
        }
        modes.put(Mode.CACHED, new ModeStats(handlers.cached().cache(), null, null));
        modes.put(Mode.BLOCKING, new ModeStats(null, handlers.blocking().workers(), null));
        if (handlers.hasDatabase()) {
            modes.put(Mode.CACHED_DB, new ModeStats(handlers.cachedDb().cache(), null,
                    handlers.cachedDb().queries()));
            modes.put(Mode.BLOCKING_DB, new ModeStats(null, handlers.blockingDb().workers(),
                    handlers.blockingDb().queries()));
            modes.put(Mode.ASYNC_DB, new ModeStats(null, null, handlers.asyncDb().queries()));
        }
        this.pools = new JsonObject().put("workers", config.workers()).put("queue", config.queue())
                .put("dbPool", config.dbPool()).put("asyncDbPool", config.dbPool());
        this.backend = new JsonObject().put("latencyMs", config.backendLatency().toNanos() / 1e6)
                .put("jitterMs", config.jitter().toNanos() / 1e6);
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
                .put("pools", pools.copy()).put("backend", backend.copy()).put("database", database);
    }
}
