package io.apitune.cli;

import java.time.Duration;

import io.apitune.Durations;
import io.apitune.db.DbUrl;
import io.apitune.server.ServerConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The shape of the reference server, shared by every command that starts one ({@code serve},
 * {@code bench}, {@code compare}, {@code capacity}). Defaults equal {@link ServerConfig#defaults()}
 * (a unit test keeps them in step). Holds no serve-only flags: {@code --host}/{@code --port}
 * belong to {@link ServeCommand}.
 *
 * <p>Not thread-safe: picocli fills it on one thread before the command runs.
 */
public final class ServerShapeOptions {
    @Option(names = "--backend-latency", paramLabel = "DURATION", defaultValue = "20ms",
            converter = DurationConverter.class,
            description = "Latency of the simulated upstream call (e.g. 20ms, 1s). "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration backendLatency;

    @Option(names = "--jitter", paramLabel = "DURATION", defaultValue = "0",
            converter = DurationConverter.class,
            description = "Uniform random extra upstream latency in [0, DURATION]. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration jitter;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "32",
            description = "Threads of the bounded worker pool of blocking and blocking-db "
                    + "(each mode has its own pool). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "128",
            description = "Requests that may wait for a worker; beyond workers + queue the "
                    + "answer is 503 with Retry-After. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--cache-size", paramLabel = "N", defaultValue = "10000",
            description = "Maximum entries of the cache of cached and of cached-db (each has its "
                    + "own). Default: ${DEFAULT-VALUE}.")
    long cacheSize;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Time-to-live of a cache entry after it is written (cached and "
                    + "cached-db). Default: ${DEFAULT-VALUE}.")
    Duration cacheTtl;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "Use an existing PostgreSQL, postgresql://user:pass@host:port/db "
                    + "(the World table is created only if missing). Default: an embedded "
                    + "PostgreSQL started and stopped by apitune.")
    String dbUrl;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "16",
            description = "Connections of each DB pool (JDBC for blocking-db, vertx-pg-client "
                    + "for async-db). Default: ${DEFAULT-VALUE}.")
    int dbPool;

    @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Record every request in Micrometer and serve GET /metrics (Prometheus "
                    + "text). --no-metrics records nothing and /metrics answers 404 (the "
                    + "baseline of scripts/metrics-overhead.sh). Default: on.")
    boolean metrics;

    /**
     * @param database whether the DB modes get a database (false: they answer 503)
     * @throws io.apitune.ApituneException exit 2 naming the flag when a value is invalid
     */
    public ServerConfig toConfig(String host, int port, boolean database) {
        if (dbUrl != null) {
            DbUrl.parse(dbUrl);
        }
        return new ServerConfig(host, port, backendLatency, jitter, workers, queue, cacheSize,
                cacheTtl, dbUrl, dbPool, database, metrics);
    }

    /** Parses {@code 20ms}, {@code 1.5s}, … with {@link Durations#parse}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
