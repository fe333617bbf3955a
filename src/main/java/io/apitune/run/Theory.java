package io.apitune.run;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.apitune.load.LoadConfig;
import io.apitune.report.model.Results;
import io.apitune.report.model.TheoryInfo;
import io.apitune.server.Mode;

/**
 * The theory block of a run against a reference-server mode: the upper bound on goodput that
 * Little's law gives (a resource that holds K requests at a time, each for at least T seconds,
 * serves at most K / T requests per second) for the mode's configuration and the load, and the
 * measured goodput as a fraction of it. Every resource that bounds the run gives one candidate;
 * the bound is the smallest. L is the backend call's latency plus its jitter's mean (the jitter is
 * uniform in [0, --jitter]); C the connections, each of which carries one request at a time in both
 * models; W the workers; N the rows a request reads; t_query the measured mean of one row read.
 *
 * <ul>
 *   <li>{@code blocking}: W / L (workers), C / L, and the offered rate in the open model;</li>
 *   <li>{@code async}, {@code virtual}: C / L, and the offered rate;</li>
 *   <li>{@code cached}, {@code cached-db}: when every lookup missed, as {@code async} /
 *       {@code async-db}; with hits, no configured resource bounds them (the server's own CPU does):
 *       no bound in the closed model, the offered rate in the open one;</li>
 *   <li>{@code blocking-db}: min(W, db-pool) / (N · t_query), C / (N · t_query), the offered rate;</li>
 *   <li>{@code async-db}: C / t_query (a request's N queries are pipelined at once, so it waits at
 *       least about one), and the offered rate.</li>
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class Theory {
    private Theory() {
    }

    /** One resource's bound. */
    private record Term(double perSecond, String limitedBy, String formula, String explanation) {
    }

    /**
     * A mode's candidate bounds before the load's rate is added.
     *
     * @param waitMs      what one request waits for when nothing queues (L, N · t_query), or null
     * @param unboundedBy {@link TheoryInfo#SERVER} when no configured resource bounds the mode
     */
    private record Plan(List<Term> terms, Double waitMs, String note, String unboundedBy) {
        static Plan unknown(String why) {
            return new Plan(List.of(), null, why, null);
        }

        Plan withNote(String value) {
            return new Plan(terms, waitMs, value, unboundedBy);
        }
    }

    /**
     * @param figures the server's figures over the window, or null when {@code /stats} could not be
     *                read
     */
    static TheoryInfo of(TargetSpec target, LoadConfig load, ServerFigures figures, Results results) {
        Mode mode = target.mode();
        int rows = target.queries() == null ? 1 : target.queries();
        Plan plan = figures == null ? Plan.unknown("the server's /stats could not be read")
                : plan(mode, load, figures, rows);
        List<Term> terms = new ArrayList<>(plan.terms());
        if (load.open()) {
            terms.add(new Term(load.ratePerSecond(), TheoryInfo.RATE, "offered rate",
                    "offered " + rate(load.ratePerSecond()) + "/s"));
        }
        Term bound = terms.stream().min(Comparator.comparingDouble(Term::perSecond)).orElse(null);
        TheoryInfo.Inputs inputs = inputs(mode, load, figures, rows);
        String model = load.open() ? "open" : "closed";
        String source = figures == null ? null : figures.window() ? "stats window" : "stats total";
        if (bound == null) {
            return new TheoryInfo(mode.path(), model, null, null, plan.unboundedBy(), null, null,
                    plan.note(), null, inputs, source);
        }
        Double overheadMs = TheoryInfo.CONNECTIONS.equals(bound.limitedBy()) && plan.waitMs() != null
                && results.latency() != null && results.latency().count() > 0
                ? results.latency().meanMs() - plan.waitMs() : null;
        return new TheoryInfo(mode.path(), model, bound.perSecond(),
                results.throughput() / bound.perSecond(), bound.limitedBy(), bound.formula(),
                bound.explanation(), plan.note(), overheadMs, inputs, source);
    }

    private static Plan plan(Mode mode, LoadConfig load, ServerFigures f, int rows) {
        return switch (mode) {
            case BLOCKING -> upstream(load, f, true);
            case ASYNC, VIRTUAL -> upstream(load, f, false);
            case CACHED -> cached(f, upstream(load, f, false));
            case BLOCKING_DB -> jdbc(load, f, rows);
            case ASYNC_DB -> pipelined(load, f, rows);
            case CACHED_DB -> cached(f, pipelined(load, f, rows));
        };
    }

    /** The slow-upstream family: each request waits L; {@code pooled} on one of W workers. */
    private static Plan upstream(LoadConfig load, ServerFigures f, boolean pooled) {
        if (f.latencyMs() == null) {
            return Plan.unknown("the server's /stats gives no backend latency (an older apitune serve)");
        }
        double jitterMeanMs = f.jitterMs() == null ? 0 : f.jitterMs() / 2;
        double l = f.latencyMs() + jitterMeanMs;
        if (l <= 0) {
            return new Plan(List.of(), null, "the backend call takes no time: the server's own CPU "
                    + "bounds the mode, not a configured resource", TheoryInfo.SERVER);
        }
        String lText = jitterMeanMs == 0 ? ms(l)
                : "(" + ms(f.latencyMs()) + " + " + ms(jitterMeanMs) + " mean jitter)";
        List<Term> terms = new ArrayList<>();
        if (pooled && f.workers() != null) {
            terms.add(new Term(f.workers() * 1000 / l, TheoryInfo.WORKERS, "W / L",
                    f.workers() + " workers / " + lText));
        }
        terms.add(new Term(load.connections() * 1000 / l, TheoryInfo.CONNECTIONS, "C / L",
                load.connections() + " connections / " + lText));
        return new Plan(terms, l, null, null);
    }

    /** A cache in front of {@code miss}: with hits, the server's own CPU bounds it. */
    private static Plan cached(ServerFigures f, Plan miss) {
        Double hits = f.cacheHitRatio();
        if (hits == null) {
            return Plan.unknown("no cache lookup in the measured window: the hit ratio is unknown");
        }
        if (hits == 0) {
            return miss.withNote("every lookup missed the cache, so every request waited as in the "
                    + "uncached mode");
        }
        return new Plan(List.of(), null, String.format(Locale.ROOT, "%.1f %% of the lookups were "
                + "cache hits, answered from memory: the server's own CPU bounds them, not a configured "
                + "resource; the misses waited as in the uncached mode", hits * 100), TheoryInfo.SERVER);
    }

    /** {@code blocking-db}: a request holds a worker and a connection for N sequential reads. */
    private static Plan jdbc(LoadConfig load, ServerFigures f, int rows) {
        if (f.queryMeanMs() == null) {
            return Plan.unknown("no row read completed in the measured window: t_query is unknown");
        }
        double holdMs = rows * f.queryMeanMs();
        String hold = rows == 1 ? ms(f.queryMeanMs()) : "(" + rows + " × " + ms(f.queryMeanMs()) + ")";
        List<Term> terms = new ArrayList<>();
        if (f.workers() != null && f.dbPool() != null) {
            boolean workers = f.workers() <= f.dbPool();
            terms.add(new Term(Math.min(f.workers(), f.dbPool()) * 1000 / holdMs,
                    workers ? TheoryInfo.WORKERS : TheoryInfo.DB_POOL, "min(W, db-pool) / (N · t_query)",
                    "min(" + f.workers() + " workers, " + f.dbPool() + " connections) / " + hold));
        }
        terms.add(new Term(load.connections() * 1000 / holdMs, TheoryInfo.CONNECTIONS,
                "C / (N · t_query)", load.connections() + " connections / " + hold));
        return new Plan(terms, holdMs, "t_query is the server's mean JDBC row read (execute and "
                + "read); the wait for a worker and a pooled connection is not in it", null);
    }

    /** {@code async-db}: the N reads of a request are pipelined at once. */
    private static Plan pipelined(LoadConfig load, ServerFigures f, int rows) {
        if (f.queryMeanMs() == null) {
            return Plan.unknown("no row read completed in the measured window: t_query is unknown");
        }
        Term connections = new Term(load.connections() * 1000 / f.queryMeanMs(),
                TheoryInfo.CONNECTIONS, "C / t_query",
                load.connections() + " connections / " + ms(f.queryMeanMs()));
        return new Plan(List.of(connections), rows == 1 ? f.queryMeanMs() : null, "a request's "
                + "queries are pipelined at once, so it waits at least about one (t_query, measured by "
                + "the client from send to result); beyond that PostgreSQL's own throughput bounds "
                + "it, which no setting states", null);
    }

    private static TheoryInfo.Inputs inputs(Mode mode, LoadConfig load, ServerFigures f, int rows) {
        boolean pooled = mode == Mode.BLOCKING || mode == Mode.BLOCKING_DB;
        boolean db = mode.isDb();
        boolean cached = mode == Mode.CACHED || mode == Mode.CACHED_DB;
        if (f == null) {
            return new TheoryInfo.Inputs(load.connections(), load.ratePerSecond(), null, null, null,
                    null, null, db ? rows : null, null, null, null);
        }
        return new TheoryInfo.Inputs(load.connections(), load.ratePerSecond(),
                pooled ? f.workers() : null, pooled ? f.queue() : null, db ? f.dbPool() : null,
                db ? null : f.latencyMs(), db || f.jitterMs() == null ? null : f.jitterMs() / 2,
                db ? rows : null, db ? f.queryMeanMs() : null, cached ? f.cacheHitRatio() : null,
                pooled ? f.rejected() : null);
    }

    /** A rate for sentences: {@code 400}, {@code 12,800}, {@code 37.5}. */
    static String rate(double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f", perSecond);
        }
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.1f" : "%.2f", perSecond);
    }

    /** Milliseconds to three significant digits: {@code 20 ms}, {@code 20.6 ms}, {@code 0.412 ms}. */
    static String ms(double millis) {
        if (millis == 0) {
            return "0 ms";
        }
        return new BigDecimal(millis).round(new MathContext(3)).stripTrailingZeros().toPlainString()
                + " ms";
    }
}
