package io.apitune.server;

/**
 * The TechEmpower rule for the {@code queries} parameter: missing, non-numeric or less than 1
 * gives 1; more than {@value #MAX} gives {@value #MAX}.
 *
 * <p>Stateless; thread-safe.
 */
public final class Queries {
    /** Largest number of rows one request may read. */
    public static final int MAX = 500;

    private Queries() {
    }

    /** @param raw the query parameter as sent, possibly null */
    public static int parse(String raw) {
        if (raw == null) {
            return 1;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            // Digits too long for an int are still "more than 500".
            return raw.trim().matches("\\d+") ? MAX : 1;
        }
        return Math.max(1, Math.min(MAX, value));
    }
}
