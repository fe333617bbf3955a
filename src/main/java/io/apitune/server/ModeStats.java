package io.apitune.server;

import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.json.JsonObject;

/**
 * Counters of one mode as shown by {@code GET /stats}: requests started, in flight, rejected
 * (503 for a full pool), errors (any other non-2xx answer), bad requests (the 400s among the
 * errors: invalid input), cache hits and misses, worker queue depth and, for the database modes,
 * the timing of their single-row reads ({@link QueryTimer}). Hits, misses, queue depth and query
 * timing are read from their owners when asked.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s, updated from any event loop.
 */
public final class ModeStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder badRequests = new LongAdder();
    private final CountedCache<?, ?> cache;
    private final BoundedWorkers workers;
    private final QueryTimer queries;

    /**
     * @param cache   the mode's cache, or null
     * @param workers the mode's worker pool, or null
     * @param queries the mode's query timing, or null for a mode that reads no database
     */
    ModeStats(CountedCache<?, ?> cache, BoundedWorkers workers, QueryTimer queries) {
        this.cache = cache;
        this.workers = workers;
        this.queries = queries;
    }

    /** A mode without cache or worker queue. */
    public static ModeStats plain() {
        return new ModeStats(null, null, null);
    }

    /** A request arrived. */
    public void started() {
        requests.increment();
    }

    /** A request was answered; {@code status} is the HTTP status sent. */
    public void finished(int status, boolean rejectedByPool) {
        finished.increment();
        if (rejectedByPool) {
            rejected.increment();
        } else if (status >= 300) {
            errors.increment();
            if (status == 400) {
                badRequests.increment();
            }
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long inFlight() {
        return Math.max(0, requests.sum() - finished.sum());
    }

    public long rejected() {
        return rejected.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long badRequests() {
        return badRequests.sum();
    }

    public long cacheHits() {
        return cache == null ? 0 : cache.hits();
    }

    public long cacheMisses() {
        return cache == null ? 0 : cache.misses();
    }

    public int queueDepth() {
        return workers == null ? 0 : workers.queueDepth();
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("requests", requests()).put("inFlight", inFlight())
                .put("rejected", rejected()).put("errors", errors())
                .put("badRequests", badRequests())
                .put("cacheHits", cacheHits()).put("cacheMisses", cacheMisses())
                .put("queueDepth", queueDepth());
        if (queries != null) {
            // count and total read together are not one snapshot; the mean is off by at most one
            // query in flight, which no reader of a window of thousands can see
            long count = queries.count();
            long nanos = queries.totalNanos();
            json.put("dbQueries", count).put("dbQueryNanos", nanos)
                    .put("dbQueryMeanMs", count == 0 ? null : nanos / 1e6 / count);
        }
        return json;
    }
}
