package io.apitune.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * Times one mode's single-row {@code World} reads, as {@code /stats} shows them
 * ({@code dbQueries}, {@code dbQueryNanos}, {@code dbQueryMeanMs}): how many completed and how long
 * they took in total, so that a reader can take the mean over any window (the difference of two
 * readings). {@code run} puts the mean into its theory block as {@code t_query}.
 *
 * <p>What a query's time covers differs by driver, and says so in docs/report-schema.md: for JDBC
 * ({@code blocking-db}) the statement's execution and reading its row on the worker thread; for
 * vertx-pg-client ({@code async-db}, {@code cached-db} misses) from handing the query to the
 * pipelined client to its result, so the wait in the pipeline is included.
 *
 * <p>Thread-safe: {@link LongAdder}s, recorded from worker threads and event loops.
 */
public final class QueryTimer {
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    /** One query that started at {@code startNanos} ({@link System#nanoTime()}) has completed. */
    public void completed(long startNanos) {
        nanos.add(System.nanoTime() - startNanos);
        count.increment();
    }

    /** Queries completed so far. */
    public long count() {
        return count.sum();
    }

    /** Their total duration, nanoseconds. */
    public long totalNanos() {
        return nanos.sum();
    }
}
