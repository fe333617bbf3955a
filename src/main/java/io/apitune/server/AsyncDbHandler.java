package io.apitune.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.apitune.db.World;
import io.apitune.db.WorldSchema;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Mode {@code async-db}: vertx-pg-client, non-blocking. The N queries of a request are issued at
 * once and pipelined over the client's pooled connections.
 *
 * <p>Thread-safe; call from any event loop. Failures become 503
 * {@link HandlerException#databaseUnavailable}; a request fails after at most
 * {@link BlockingDbHandler#TIMEOUT_MILLIS}.
 */
public final class AsyncDbHandler {
    private final SqlClient client;

    /** @param client a pipelined, pooled client, e.g. from {@code PgBuilder.client()} */
    public AsyncDbHandler(SqlClient client) {
        this.client = client;
    }

    /** One random row. */
    public Future<World> one() {
        return query().timeout(BlockingDbHandler.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(BlockingDbHandler::asUnavailable);
    }

    /** {@code count} random rows, 1..500, queried concurrently. */
    public Future<List<World>> queries(int count) {
        List<Future<World>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(query());
        }
        return Future.all(rows).<List<World>>map(all -> all.list())
                .timeout(BlockingDbHandler.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(BlockingDbHandler::asUnavailable);
    }

    private Future<World> query() {
        int id = ThreadLocalRandom.current().nextInt(1, WorldSchema.ROWS + 1);
        return client.preparedQuery(WorldSchema.SELECT_BY_ID).execute(Tuple.of(id))
                .map(AsyncDbHandler::firstRow);
    }

    private static World firstRow(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new World(row.getInteger(0), row.getInteger(1));
    }
}
