package io.apitune.run;

/**
 * The settings that shape the in-process reference server (the {@code serve} flags of the same
 * names, and a scenario's {@code server} keys).
 */
public enum ShapeKey {
    BACKEND_LATENCY("backend-latency"),
    JITTER("jitter"),
    WORKERS("workers"),
    QUEUE("queue"),
    CACHE_SIZE("cache-size"),
    CACHE_TTL("cache-ttl"),
    DB_URL("db-url"),
    DB_POOL("db-pool");

    private final String key;

    ShapeKey(String key) {
        this.key = key;
    }

    /** The scenario key, e.g. {@code cache-ttl}. */
    public String key() {
        return key;
    }

    /** The flag, e.g. {@code --cache-ttl}. */
    public String flag() {
        return "--" + key;
    }
}
