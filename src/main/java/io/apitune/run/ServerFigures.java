package io.apitune.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.server.Mode;

/**
 * What a reference server's {@code /stats} says about one mode over a run's measured window: its
 * configuration (pools, backend latency and jitter) and the difference of two readings of its
 * counters (pool rejections, cache hits and misses, query count and time). Fields the server does
 * not report (an older {@code apitune serve}, a mode without that counter) are null.
 *
 * <p>Immutable; thread-safe.
 *
 * @param window      true when the counters are the difference of a start and an end reading;
 *                    false when only the end reading was there (counted since the server started)
 * @param queryMeanMs the mean of the mode's row reads over the window, null when none completed
 */
record ServerFigures(boolean window, Integer workers, Integer queue, Integer dbPool,
        Double latencyMs, Double jitterMs, Long rejected, Double cacheHitRatio, Double queryMeanMs) {

    /**
     * @param start the reading at the start of measurement, or null
     * @param end   the reading after the run, or null
     * @return null when there is no end reading
     */
    static ServerFigures of(JsonNode start, JsonNode end, Mode mode) {
        if (end == null) {
            return null;
        }
        JsonNode after = end.path("modes").path(mode.path());
        JsonNode before = start == null ? null : start.path("modes").path(mode.path());
        Long hits = delta(before, after, "cacheHits");
        Long misses = delta(before, after, "cacheMisses");
        Long queries = delta(before, after, "dbQueries");
        Long queryNanos = delta(before, after, "dbQueryNanos");
        return new ServerFigures(start != null, integer(end.path("pools").path("workers")),
                integer(end.path("pools").path("queue")), integer(end.path("pools").path("dbPool")),
                number(end.path("backend").path("latencyMs")),
                number(end.path("backend").path("jitterMs")), delta(before, after, "rejected"),
                hits == null || misses == null || hits + misses == 0 ? null
                        : (double) hits / (hits + misses),
                queries == null || queryNanos == null || queries == 0 ? null
                        : queryNanos / 1e6 / queries);
    }

    /** The counter's growth over the window, or its value when there is no start reading. */
    private static Long delta(JsonNode before, JsonNode after, String field) {
        if (!after.path(field).isNumber()) {
            return null;
        }
        long end = after.path(field).asLong();
        return before == null || !before.path(field).isNumber() ? end
                : Math.max(0, end - before.path(field).asLong());
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }
}
