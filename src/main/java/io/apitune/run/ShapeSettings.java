package io.apitune.run;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.db.DbUrl;
import io.apitune.server.ServerConfig;

/**
 * The one place server-shape settings become a {@link ServerConfig}; {@link ServerConfig#defaults()}
 * fills what is not given. Used by {@code serve}, by runs with an in-process server, and by
 * scenario files.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class ShapeSettings {
    private final Map<ShapeKey, Setting> values = new EnumMap<>(ShapeKey.class);
    private Origin block;

    public ShapeSettings set(ShapeKey key, Setting value) {
        values.put(key, value);
        return this;
    }

    /** Adds every setting of {@code other}, which win over this one's. */
    public ShapeSettings putAll(ShapeSettings other) {
        values.putAll(other.values);
        block = other.block != null ? other.block : block;
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Where these settings were written as a whole (a scenario's {@code server} map). */
    public ShapeSettings origin(Origin where) {
        this.block = where;
        return this;
    }

    /** Where to point when the shape is not allowed: its block, else its first setting. */
    Origin origin() {
        return block != null ? block : values.values().iterator().next().origin();
    }

    /** This run's settings over {@code shared} (a scenario's top-level {@code server}). */
    ShapeSettings over(ShapeSettings shared) {
        ShapeSettings merged = new ShapeSettings();
        merged.values.putAll(shared.values);
        merged.values.putAll(values);
        merged.block = block != null ? block : shared.block;
        return merged;
    }

    private Optional<Setting> get(ShapeKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param database whether the DB modes get a database (false: they answer 503)
     * @throws ApituneException exit 2 naming the setting when a value is invalid
     */
    public ServerConfig build(String host, int port, boolean database) {
        ServerConfig d = ServerConfig.defaults();
        return new ServerConfig(host, port,
                get(ShapeKey.BACKEND_LATENCY).map(Setting::duration).orElse(d.backendLatency()),
                get(ShapeKey.JITTER).map(Setting::duration).orElse(d.jitter()),
                get(ShapeKey.WORKERS).map(s -> s.intValue(1, Integer.MAX_VALUE)).orElse(d.workers()),
                get(ShapeKey.QUEUE).map(s -> s.intValue(0, Integer.MAX_VALUE)).orElse(d.queue()),
                get(ShapeKey.CACHE_SIZE).map(s -> s.integer(1)).orElse(d.cacheSize()),
                get(ShapeKey.CACHE_TTL).map(Setting::positiveDuration).orElse(d.cacheTtl()),
                get(ShapeKey.DB_URL).map(ShapeSettings::dbUrl).orElse(d.dbUrl()),
                get(ShapeKey.DB_POOL).map(s -> s.intValue(1, Integer.MAX_VALUE)).orElse(d.dbPool()),
                database);
    }

    /** Checks the URL's syntax; the message names the setting, never the password. */
    private static String dbUrl(Setting setting) {
        try {
            DbUrl.parse(setting.trimmed());
        } catch (ApituneException e) {
            throw setting.fail(e.getMessage().replaceFirst("^--db-url: ", ""));
        }
        return setting.trimmed();
    }
}
