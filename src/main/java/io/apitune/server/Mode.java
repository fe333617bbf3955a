package io.apitune.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The handler modes of the reference server, one per technique. Each has the URL path segment
 * it is mounted under ({@code /blocking/item/7}, {@code /async-db/db},
 * {@code /cached-db/queries?count=20}).
 */
public enum Mode {
    BLOCKING("blocking", false),
    ASYNC("async", false),
    CACHED("cached", false),
    VIRTUAL("virtual", false),
    BLOCKING_DB("blocking-db", true),
    ASYNC_DB("async-db", true),
    CACHED_DB("cached-db", true);

    private final String path;
    private final boolean db;

    Mode(String path, boolean db) {
        this.path = path;
        this.db = db;
    }

    /** The path segment and user-facing name, e.g. {@code blocking-db}. */
    public String path() {
        return path;
    }

    /** True for the database family, which needs PostgreSQL. */
    public boolean isDb() {
        return db;
    }

    /**
     * @param name a user-facing name such as {@code async-db} (case-insensitive)
     * @throws IllegalArgumentException naming the value and the valid modes
     */
    public static Mode parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.path.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a mode (one of " + names() + ")");
    }

    /** Comma-separated list of every mode name, for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(Mode::path).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return path;
    }
}
