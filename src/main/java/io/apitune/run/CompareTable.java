package io.apitune.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.ModeRow;
import io.apitune.report.model.ProtocolInfo;
import io.apitune.report.model.Results;

/**
 * The side-by-side table of {@code compare}: per run its goodput (OK answers per second), OK
 * latency p50 / p99 / p99.9 / max (ms, from the intended send time), KO share, the protocol the
 * server answered with, streams per connection and connections opened, whether the generator
 * limited it and, for the cached modes, the cache hit ratio
 * from the reference server's {@code /stats} (hits / (hits + misses) over the whole run, warm-up
 * included). The same rows go into the combined report's {@code modes}.
 *
 * <p>Stateless; thread-safe.
 */
final class CompareTable {
    private CompareTable() {
    }

    /** One row per run, in order. */
    static List<ModeRow> rows(List<RunResult> results) {
        return results.stream().map(CompareTable::row).toList();
    }

    private static ModeRow row(RunResult r) {
        Results res = r.report().results();
        LatencySummary latency = res.latency();
        ProtocolInfo protocol = res.protocol();
        return new ModeRow(r.spec().name(), res.throughput(), res.requestRate(), ms(latency, "p50"),
                ms(latency, "p99"), ms(latency, "p99.9"), ms(latency, "max"), res.errorRate(),
                res.errors().total(), cacheHitRatio(r), res.limited(),
                protocol == null ? null : protocol.negotiated(),
                protocol == null ? null : protocol.streamsPerConnection(),
                protocol == null ? null : protocol.connectionsOpened());
    }

    private static Double ms(LatencySummary latency, String key) {
        return latency == null ? null : latency.get(key).orElse(null);
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

    static void print(List<ModeRow> rows, PrintWriter out) {
        int width = 4;
        for (ModeRow row : rows) {
            width = Math.max(width, row.name().length());
        }
        String head = "%-" + width + "s %12s %10s %10s %10s %10s %9s %8s %7s %5s %10s %s%n";
        out.println();
        out.println(String.format(Locale.ROOT, head, "run", "goodput", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "KO", "protocol", "streams", "conns", "cache hit", "").stripTrailing());
        for (ModeRow row : rows) {
            out.println(String.format(Locale.ROOT, head, row.name(),
                    String.format(Locale.ROOT, "%.1f/s", row.throughput()),
                    ms(row.p50()), ms(row.p99()), ms(row.p999()), ms(row.max()),
                    percent(row.errorRate()), orDash(row.protocol()), orDash(row.streams()),
                    orDash(row.connections()), Optional.ofNullable(row.cacheHitRatio())
                            .map(CompareTable::percent).orElse("-"), row.limited() ? "LIMITED" : "")
                    .stripTrailing());
        }
        out.println("goodput: OK answers per second; latency: OK answers, from the intended send time; "
                + "KO: share of requests that failed; streams: requests in flight per connection; "
                + "conns: TCP connections opened.");
        if (rows.stream().anyMatch(ModeRow::limited)) {
            out.println("LIMITED: the load generator's own delay is in that run's numbers (see its "
                    + "report): it can only make the target look slower.");
        }
        out.flush();
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "n/a";
    }
}
