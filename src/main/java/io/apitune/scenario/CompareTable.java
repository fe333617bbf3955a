package io.apitune.scenario;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The side-by-side table of {@code compare}: per run its throughput, latency p50 / p99 / p99.9 /
 * max (ms, from the intended send time), error rate and, for the cached mode, the cache hit ratio
 * from the reference server's {@code /stats} (hits / (hits + misses) over the whole run, warm-up
 * included). The same rows go into the combined report's {@code modes} array.
 *
 * <p>Stateless; thread-safe.
 */
public final class CompareTable {
    private CompareTable() {
    }

    /** One JSON row per run, in order. */
    public static ArrayNode rows(List<RunResult> results) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (RunResult r : results) {
            JsonNode res = r.report().path("results");
            ObjectNode row = rows.addObject();
            row.put("name", r.spec().name());
            row.put("throughput", res.path("throughput").asDouble(Double.NaN));
            for (String key : List.of("p50", "p99", "p99.9", "max")) {
                putNumber(row, key, res.path("latency").path(key));
            }
            row.put("errorRate", res.path("errorRate").asDouble(Double.NaN));
            row.put("errors", res.path("errors").path("total").asLong());
            Double ratio = cacheHitRatio(r);
            if (ratio != null) {
                row.put("cacheHitRatio", ratio);
            }
        }
        return rows;
    }

    /** The cached mode's hit ratio from {@code /stats}, or null where it does not apply. */
    static Double cacheHitRatio(RunResult r) {
        if (r.serverStats() == null || r.spec().target().mode() == null) {
            return null;
        }
        JsonNode mode = r.serverStats().path("modes").path(r.spec().target().mode().path());
        if (!mode.path("cacheHits").isNumber() || !mode.path("cacheMisses").isNumber()) {
            return null;
        }
        double hits = mode.path("cacheHits").asDouble();
        double total = hits + mode.path("cacheMisses").asDouble();
        return total == 0 ? null : hits / total;
    }

    private static void putNumber(ObjectNode row, String key, JsonNode value) {
        if (value.isNumber()) {
            row.put(key, value.asDouble());
        } else {
            row.putNull(key);
        }
    }

    public static void print(ArrayNode rows, PrintWriter out) {
        int width = 4;
        for (JsonNode row : rows) {
            width = Math.max(width, row.path("name").asText().length());
        }
        String head = "%-" + width + "s %12s %10s %10s %10s %10s %9s %10s%n";
        out.println();
        out.printf(Locale.ROOT, head, "run", "throughput", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "errors", "cache hit");
        for (JsonNode row : rows) {
            out.printf(Locale.ROOT, head, row.path("name").asText(),
                    String.format(Locale.ROOT, "%.1f/s", row.path("throughput").asDouble()),
                    ms(row.path("p50")), ms(row.path("p99")), ms(row.path("p99.9")),
                    ms(row.path("max")), percent(row.path("errorRate")),
                    row.has("cacheHitRatio") ? percent(row.path("cacheHitRatio")) : "-");
        }
        out.flush();
    }

    private static String ms(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "n/a";
    }

    private static String percent(JsonNode fraction) {
        return fraction.isNumber() && Double.isFinite(fraction.asDouble())
                ? String.format(Locale.ROOT, "%.2f%%", fraction.asDouble() * 100) : "n/a";
    }
}
