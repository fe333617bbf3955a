package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the reference server's configuration says a run could have served ({@code theory} in
 * report.json, only for runs against a reference-server mode): the upper bound on goodput that
 * Little's law gives for the mode and the load, and the measured goodput as a fraction of it.
 * docs/report-schema.md lists the formulas.
 *
 * <p>Immutable; thread-safe.
 *
 * @param mode           the reference-server mode
 * @param model          {@code open} or {@code closed}, the load's model
 * @param boundPerSecond the bound on OK answers per second; null when no configured resource
 *                       bounds the run (cache hits: the server's own CPU does) or an input is
 *                       unknown ({@code note} says which)
 * @param fraction       measured goodput / bound; null without a bound
 * @param limitedBy      what sets the bound: {@code workers}, {@code db-pool}, {@code connections},
 *                       {@code rate}, or {@code server} (no configured bound)
 * @param formula        the bound's formula, e.g. {@code W / L}
 * @param explanation    the formula with the run's figures, e.g. {@code 8 workers / 20 ms}
 * @param note           what the numbers do not say, or null
 * @param overheadMs     where a request waits for nothing but its backend call or queries (the
 *                       connections bind): its mean OK latency minus that wait, ms; else null
 * @param inputs         the figures the bound was computed from
 * @param source         where the server's figures came from: {@code stats window} (two readings
 *                       of {@code /stats}, at the start and the end of measurement) or
 *                       {@code stats total} (one reading after the run: since the server started)
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"mode", "model", "boundPerSecond", "fraction", "limitedBy", "formula",
    "explanation", "note", "overheadMs", "inputs", "source"})
public record TheoryInfo(String mode, String model, Double boundPerSecond, Double fraction,
        String limitedBy, String formula, String explanation, String note, Double overheadMs,
        Inputs inputs, String source) {

    /** Bounds set by what: the values of {@code limitedBy}. */
    public static final String WORKERS = "workers";
    public static final String DB_POOL = "db-pool";
    public static final String CONNECTIONS = "connections";
    public static final String RATE = "rate";
    public static final String SERVER = "server";

    /**
     * The figures behind the bound; null where they do not apply or are unknown.
     *
     * @param connections    C: the load's connections (the closed model's requests in flight)
     * @param rate           the open model's offered rate, per second
     * @param workers        W: the worker pool of {@code blocking} and {@code blocking-db}
     * @param queue          requests that may wait for a worker
     * @param dbPool         the database pool of the DB modes
     * @param latencyMs      the backend call's configured latency, ms
     * @param jitterMeanMs   the mean of its uniform jitter (half the {@code --jitter}), ms
     * @param queries        N: rows read per request (DB modes)
     * @param queryMeanMs    t_query: the measured mean time of one row read over the window, ms
     * @param cacheHitRatio  hits / (hits + misses) of a cached mode over the window
     * @param rejected       503s of a full worker pool over the window, counted by the server
     */
    @JsonInclude(Include.NON_NULL)
    public record Inputs(Integer connections, Double rate, Integer workers, Integer queue,
            Integer dbPool, Double latencyMs, Double jitterMeanMs, Integer queries,
            Double queryMeanMs, Double cacheHitRatio, Long rejected) {
    }

    /** True when a configured resource bounds the run ({@link #boundPerSecond} is known). */
    public boolean bounded() {
        return boundPerSecond != null;
    }
}
