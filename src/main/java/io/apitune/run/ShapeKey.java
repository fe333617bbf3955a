package io.apitune.run;

import static io.apitune.Durations.format;

import io.apitune.server.ServerConfig;

/**
 * The settings that shape the in-process reference server (the {@code serve} flags of the same
 * names, and a scenario's {@code server} keys). Help states {@link ServerConfig#defaults()}.
 */
public enum ShapeKey implements SettingKey {
    BACKEND_LATENCY("backend-latency", "DURATION", "Latency of the simulated upstream call (e.g. 20ms, 1s). "
            + "Default: " + format(Defaults.D.backendLatency()) + "."),
    JITTER("jitter", "DURATION", "Uniform random extra upstream latency in [0, DURATION]. Default: "
            + format(Defaults.D.jitter()) + "."),
    WORKERS("workers", "N", "Threads of the bounded worker pool of blocking and blocking-db (each mode has "
            + "its own pool). Default: " + Defaults.D.workers() + "."),
    QUEUE("queue", "N", "Requests that may wait for a worker; beyond workers + queue the answer is 503 with "
            + "Retry-After. Default: " + Defaults.D.queue() + "."),
    CACHE_SIZE("cache-size", "N", "Maximum entries of the cache of cached and of cached-db (each has its "
            + "own). Default: "
            + Defaults.D.cacheSize() + "."),
    CACHE_TTL("cache-ttl", "DURATION", "Time-to-live of a cache entry after it is written (cached and "
            + "cached-db). Default: "
            + format(Defaults.D.cacheTtl()) + "."),
    DB_URL("db-url", "URL", "Use an existing PostgreSQL, postgresql://user:pass@host:port/db (the World "
            + "table is created only if missing). Default: an embedded PostgreSQL started and stopped by apitune."),
    DB_POOL("db-pool", "N", "Connections of each DB pool (JDBC for blocking-db, vertx-pg-client for "
            + "async-db). Default: " + Defaults.D.dbPool() + ".");

    private final Spec spec;

    ShapeKey(String key, String label, String help) {
        this.spec = Spec.of(key, label, help);
    }

    /** Holder: enum constants cannot read a static field of their own class while it initialises. */
    private static final class Defaults {
        static final ServerConfig D = ServerConfig.defaults();
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
