package io.apitune.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.db.DbUrl;
import io.apitune.server.ServerConfig;

/**
 * The {@code server} keys of a scenario (and of a run, which win): the shape of the in-process
 * reference server, named like the {@code serve}/{@code bench} flags. The server always binds
 * 127.0.0.1 on a free port.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerKeys {
    static final List<String> NAMES = List.of("backend-latency", "jitter", "workers", "queue",
            "cache-size", "cache-ttl", "db-url", "db-pool");

    private final Field run;
    private final Field scenario;

    /** @param run the run's {@code server} map or null; @param scenario the scenario's or null */
    ServerKeys(Field run, Field scenario) {
        this.run = run;
        this.scenario = scenario;
        if (run != null) {
            run.map(NAMES);
        }
        if (scenario != null) {
            scenario.map(NAMES);
        }
    }

    private Optional<Field> get(String key) {
        Optional<Field> own = run == null ? Optional.empty() : run.get(key);
        return own.isPresent() || scenario == null ? own : scenario.get(key);
    }

    ServerConfig build(boolean database) {
        ServerConfig d = ServerConfig.defaults();
        Duration latency = get("backend-latency").map(Field::duration).orElse(d.backendLatency());
        Duration jitter = get("jitter").map(Field::duration).orElse(d.jitter());
        int workers = get("workers").map(f -> f.intValue(1)).orElse(d.workers());
        int queue = get("queue").map(f -> f.intValue(0)).orElse(d.queue());
        long cacheSize = get("cache-size").map(f -> f.integer(1)).orElse(d.cacheSize());
        Duration cacheTtl = get("cache-ttl").map(Field::positiveDuration).orElse(d.cacheTtl());
        String dbUrl = get("db-url").map(ServerKeys::dbUrl).orElse(d.dbUrl());
        int dbPool = get("db-pool").map(f -> f.intValue(1)).orElse(d.dbPool());
        try {
            return new ServerConfig(ServerConfig.DEFAULT_HOST, 0, latency, jitter, workers, queue,
                    cacheSize, cacheTtl, dbUrl, dbPool, database);
        } catch (ApituneException e) {
            throw (run != null ? run : scenario).fail(e.getMessage());
        }
    }

    /** Checks the URL's syntax; the message names the field, never the password. */
    private static String dbUrl(Field field) {
        String text = field.string().trim();
        try {
            DbUrl.parse(text);
        } catch (ApituneException e) {
            throw field.fail(e.getMessage().replaceFirst("^--db-url: ", ""));
        }
        return text;
    }
}
