package io.apitune.server;

import static io.apitune.ApituneException.require;

import java.time.Duration;
import java.util.Objects;

import io.apitune.ApituneException;
import io.apitune.db.DbUrl;

/**
 * Immutable configuration of the reference server, validated once at construction (invalid
 * values throw {@link ApituneException} with exit code 2, naming the flag).
 *
 * @param host           address to bind, e.g. {@code 127.0.0.1}
 * @param port           port to bind, 0..65535; 0 picks a free port
 * @param backendLatency simulated upstream call latency, >= 0
 * @param jitter         uniform random extra latency in [0, jitter], >= 0
 * @param workers        size of the bounded worker pool (blocking, blocking-db), >= 1
 * @param queue          requests that may wait for a worker beyond {@code workers}, >= 0
 * @param cacheSize      maximum entries of the cached mode's cache, >= 1
 * @param cacheTtl       time-to-live of cache entries after write, > 0
 * @param dbUrl          {@code postgresql://user:pass@host:port/db} of an existing server, or
 *                       null for the embedded PostgreSQL
 * @param dbPool         connections of each DB pool (JDBC and async), >= 1
 * @param database       whether to start/connect the database at all; when false the DB modes
 *                       answer 503
 * @param metrics        whether requests are recorded in Micrometer and {@code /metrics} is
 *                       served; false (flag {@code --no-metrics}) is the A/B baseline of
 *                       {@code scripts/metrics-overhead.sh}
 * @param network        protocols (cleartext or TLS) and connection timeouts
 */
public record ServerConfig(String host, int port, Duration backendLatency, Duration jitter,
        int workers, int queue, long cacheSize, Duration cacheTtl, String dbUrl, int dbPool,
        boolean database, boolean metrics, NetworkConfig network) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backendLatency, "backendLatency");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(network, "network");
        require(port >= 0 && port <= 65535, "--port", port, "must be 0..65535");
        require(!backendLatency.isNegative(), "--backend-latency", backendLatency, "must not be negative");
        require(!jitter.isNegative(), "--jitter", jitter, "must not be negative");
        require(workers >= 1, "--workers", workers, "must be at least 1");
        require(queue >= 0, "--queue", queue, "must not be negative");
        require(cacheSize >= 1, "--cache-size", cacheSize, "must be at least 1");
        require(!cacheTtl.isNegative() && !cacheTtl.isZero(), "--cache-ttl", cacheTtl, "must be positive");
        require(dbPool >= 1, "--db-pool", dbPool, "must be at least 1");
        if (dbUrl != null) {
            DbUrl.parse(dbUrl);
        }
    }

    /** A cleartext server with the default timeouts and metrics on. */
    public ServerConfig(String host, int port, Duration backendLatency, Duration jitter,
            int workers, int queue, long cacheSize, Duration cacheTtl, String dbUrl, int dbPool,
            boolean database) {
        this(host, port, backendLatency, jitter, workers, queue, cacheSize, cacheTtl, dbUrl,
                dbPool, database, true, NetworkConfig.defaults());
    }

    /** The defaults of {@code apitune serve}. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, Duration.ofMillis(20), Duration.ZERO,
                32, 128, 10_000, Duration.ofSeconds(60), null, 16, true, true, NetworkConfig.defaults());
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, backendLatency, jitter, workers, queue, cacheSize,
                cacheTtl, dbUrl, dbPool, database, metrics, network);
    }

    public ServerConfig withDatabase(boolean value) {
        return new ServerConfig(host, port, backendLatency, jitter, workers, queue, cacheSize,
                cacheTtl, dbUrl, dbPool, value, metrics, network);
    }

    public ServerConfig withMetrics(boolean value) {
        return new ServerConfig(host, port, backendLatency, jitter, workers, queue, cacheSize,
                cacheTtl, dbUrl, dbPool, database, value, network);
    }

    /** The same server over other protocols or timeouts, e.g. {@link NetworkConfig#selfSignedTls()}. */
    public ServerConfig withNetwork(NetworkConfig value) {
        return new ServerConfig(host, port, backendLatency, jitter, workers, queue, cacheSize,
                cacheTtl, dbUrl, dbPool, database, metrics, value);
    }
}
