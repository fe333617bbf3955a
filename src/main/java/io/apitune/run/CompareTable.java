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
import io.apitune.report.model.TheoryInfo;

/**
 * The side-by-side table of {@code compare}: per run its goodput (OK answers per second), OK
 * latency p50 / p99 / p99.9 / max (ms, from the intended send time), KO share, for the cached
 * modes the cache hit ratio, the fraction of its theory bound it reached (reference-server modes)
 * and whether the generator limited it. The hit ratio is the theory block's, over the measured
 * window; without one, from the reference server's {@code /stats} after the run (hits / (hits +
 * misses) over the whole run, warm-up included). The same rows go into the combined report's
 * {@code modes} Also the protocol the server
 * answered with, streams per connection and TCP connections opened.
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
        TheoryInfo theory = r.report().theory();
        ProtocolInfo protocol = res.protocol();
        return new ModeRow(r.spec().name(), res.throughput(), res.requestRate(), ms(latency, "p50"),
                ms(latency, "p99"), ms(latency, "p99.9"), ms(latency, "max"), res.errorRate(),
                res.errors().total(), cacheHitRatio(r), res.limited(),
                theory == null ? null : theory.boundPerSecond(), theory == null ? null : theory.fraction(),
                theory == null ? null : theory.limitedBy(),
                protocol == null ? null : protocol.negotiated(),
                protocol == null ? null : protocol.streamsPerConnection(),
                protocol == null ? null : protocol.connectionsOpened());
    }

    private static Double ms(LatencySummary latency, String key) {
        return latency == null ? null : latency.get(key).orElse(null);
    }

    /** The cached mode's hit ratio, or null where it does not apply. */
    static Double cacheHitRatio(RunResult r) {
        TheoryInfo theory = r.report().theory();
        if (theory != null && theory.inputs() != null && theory.inputs().cacheHitRatio() != null) {
            return theory.inputs().cacheHitRatio();
        }
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
        String head = "%-" + width + "s %12s %10s %10s %10s %10s %9s %8s %7s %5s %10s %17s %s%n";
        out.println();
        out.println(String.format(Locale.ROOT, head, "run", "goodput", "p50 ms", "p99 ms", "p99.9 ms",
                "max ms", "KO", "protocol", "streams", "conns", "cache hit", "theory", "").stripTrailing());
        for (ModeRow row : rows) {
            out.println(String.format(Locale.ROOT, head, row.name(),
                    String.format(Locale.ROOT, "%.1f/s", row.throughput()),
                    ms(row.p50()), ms(row.p99()), ms(row.p999()), ms(row.max()),
                    percent(row.errorRate()), orDash(row.protocol()), orDash(row.streams()),
                    orDash(row.connections()), Optional.ofNullable(row.cacheHitRatio())
                            .map(CompareTable::percent).orElse("-"), theory(row),
                    row.limited() ? "LIMITED" : "").stripTrailing());
        }
        out.println("goodput: OK answers per second; latency: OK answers, from the intended send time; "
                + "KO: share of requests that failed; streams: requests in flight per connection; "
                + "conns: TCP connections opened; theory: goodput as a fraction of the bound the "
                + "server's configuration gives (report.json: theory).");
        if (rows.stream().anyMatch(ModeRow::limited)) {
            out.println("LIMITED: the load generator's own delay is in that run's numbers (see its "
                    + "report): it can only make the target look slower.");
        }
        out.flush();
    }

    private static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** {@code 0.91 of 400/s}; {@code server} when no configured resource bounds it; else {@code -}. */
    private static String theory(ModeRow row) {
        if (row.theoryBound() == null || row.theoryFraction() == null) {
            return TheoryInfo.SERVER.equals(row.theoryLimitedBy()) ? "server" : "-";
        }
        return String.format(Locale.ROOT, "%.2f of %s/s", row.theoryFraction(),
                Theory.rate(row.theoryBound()));
    }

    private static String ms(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f%%", fraction * 100) : "n/a";
    }
}
