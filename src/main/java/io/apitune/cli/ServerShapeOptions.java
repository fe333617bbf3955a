package io.apitune.cli;

import io.apitune.run.Setting;
import io.apitune.run.ShapeKey;
import io.apitune.run.ShapeSettings;
import picocli.CommandLine.Option;

/**
 * The shape of the reference server, shared by every command that starts one ({@code serve},
 * {@code bench}, {@code compare}, {@code capacity}). Values go to {@link ShapeSettings}; what is
 * not given comes from {@code ServerConfig.defaults()} (a unit test keeps the help text in step).
 *
 * <p>Not thread-safe: picocli fills it on one thread before the command runs.
 */
public final class ServerShapeOptions {
    @Option(names = "--backend-latency", paramLabel = "DURATION",
            description = "Latency of the simulated upstream call (e.g. 20ms, 1s). Default: 20ms.")
    String backendLatency;

    @Option(names = "--jitter", paramLabel = "DURATION",
            description = "Uniform random extra upstream latency in [0, DURATION]. Default: 0.")
    String jitter;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads of the bounded worker pool of blocking and blocking-db "
                    + "(each mode has its own pool). Default: 32.")
    String workers;

    @Option(names = "--queue", paramLabel = "N",
            description = "Requests that may wait for a worker; beyond workers + queue the "
                    + "answer is 503 with Retry-After. Default: 128.")
    String queue;

    @Option(names = "--cache-size", paramLabel = "N",
            description = "Maximum entries of the cached mode's cache. Default: 10000.")
    String cacheSize;

    @Option(names = "--cache-ttl", paramLabel = "DURATION",
            description = "Time-to-live of a cache entry after it is written. Default: 60s.")
    String cacheTtl;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "Use an existing PostgreSQL, postgresql://user:pass@host:port/db "
                    + "(the World table is created only if missing). Default: an embedded "
                    + "PostgreSQL started and stopped by apitune.")
    String dbUrl;

    @Option(names = "--db-pool", paramLabel = "N",
            description = "Connections of each DB pool (JDBC for blocking-db, vertx-pg-client "
                    + "for async-db). Default: 16.")
    String dbPool;

    /** The flags that were given, as settings for {@link ShapeSettings#build}. */
    public ShapeSettings settings() {
        ShapeSettings settings = new ShapeSettings();
        put(settings, ShapeKey.BACKEND_LATENCY, backendLatency);
        put(settings, ShapeKey.JITTER, jitter);
        put(settings, ShapeKey.WORKERS, workers);
        put(settings, ShapeKey.QUEUE, queue);
        put(settings, ShapeKey.CACHE_SIZE, cacheSize);
        put(settings, ShapeKey.CACHE_TTL, cacheTtl);
        put(settings, ShapeKey.DB_URL, dbUrl);
        put(settings, ShapeKey.DB_POOL, dbPool);
        return settings;
    }

    /** Copies the given flags into {@code into} (a run's own shape). */
    public void fill(ShapeSettings into) {
        into.putAll(settings());
    }

    private static void put(ShapeSettings settings, ShapeKey key, String value) {
        if (value != null) {
            settings.set(key, Setting.flag(key.flag(), value));
        }
    }
}
