package io.apitune.server;

import java.util.List;

import io.apitune.db.Fortune;
import io.apitune.db.World;
import io.vertx.core.Future;

/**
 * The TechEmpower database tests one DB mode serves: single query, multiple queries, updates
 * and fortunes. {@code blocking-db} implements them with JDBC on a bounded worker pool,
 * {@code async-db} with the pipelined vertx-pg-client.
 *
 * <p>Implementations are thread-safe; call from any event loop. Failures are
 * {@link HandlerException}s (503 for a full pool or an unreachable database).
 */
public interface DbHandler {
    /** One random World row. */
    Future<World> one();

    /** {@code count} (1..500) random World rows. */
    Future<List<World>> queries(int count);

    /**
     * Reads {@code count} (1..500) random rows, gives each a new randomNumber, writes them back
     * and returns the rows as written.
     */
    Future<List<World>> updates(int count);

    /** Every row of the Fortune table, unsorted, as stored. */
    Future<List<Fortune>> fortunes();
}
