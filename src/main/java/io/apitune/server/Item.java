package io.apitune.server;

import java.util.Locale;

/**
 * What the slow-upstream family returns for a key. The value is a pure function of the id, so
 * every mode answers the same body for the same id.
 *
 * <p>Immutable; thread-safe.
 *
 * @param id    the request key, >= 0
 * @param value 16 lower-case hex digits derived from {@code id}
 */
public record Item(long id, String value) {
    /** The item for {@code id}, computed deterministically (SplitMix64 finaliser). */
    public static Item of(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return new Item(id, String.format(Locale.ROOT, "%016x", z));
    }

    /** {@code {"id":7,"value":"…"}}; the value needs no escaping. */
    public String toJson() {
        return "{\"id\":" + id + ",\"value\":\"" + value + "\"}";
    }
}
