package io.apitune.report.model;

import io.apitune.db.DbUrl;
import io.apitune.server.ServerConfig;

/**
 * The in-process reference server's configuration ({@code target.server}); the database password
 * is never included.
 *
 * @param db {@code embedded}, or the external database's URL without its password
 */
public record ServerInfo(String host, int port, double backendLatencySeconds, double jitterSeconds,
        int workers, int queue, long cacheSize, double cacheTtlSeconds, String db, int dbPool,
        boolean database) {

    public static ServerInfo of(ServerConfig c) {
        return new ServerInfo(c.host(), c.port(), c.backendLatency().toNanos() / 1e9,
                c.jitter().toNanos() / 1e9, c.workers(), c.queue(), c.cacheSize(),
                c.cacheTtl().toNanos() / 1e9, c.dbUrl() == null ? "embedded" : DbUrl.parse(c.dbUrl()).toString(),
                c.dbPool(), c.database());
    }
}
