package io.apitune.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.apitune.db.Fortune;
import io.apitune.db.FortuneSchema;
import io.apitune.db.World;
import io.apitune.db.WorldSchema;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Mode {@code async-db}: vertx-pg-client, non-blocking. The N queries of a request are issued at
 * once and pipelined over the client's pooled connections; an update request then sends its N
 * writes as one batched statement ({@code executeBatch}: one connection, every Bind/Execute
 * under one Sync, so PostgreSQL runs them as one implicit transaction in one round trip).
 *
 * <p>Thread-safe; call from any event loop. Failures become 503
 * {@link HandlerException#databaseUnavailable}; a request fails after at most
 * {@link BlockingDbHandler#TIMEOUT_MILLIS}.
 */
public final class AsyncDbHandler implements DbHandler {
    private final SqlClient client;
    private final QueryTimer queries = new QueryTimer();

    /** @param client a pipelined, pooled client, e.g. from {@code PgBuilder.client()} */
    public AsyncDbHandler(SqlClient client) {
        this.client = client;
    }

    @Override
    public Future<World> one() {
        return bounded(read(WorldRandom.id(), queries));
    }

    /** {@code count} random rows, 1..500, queried concurrently. */
    @Override
    public Future<List<World>> queries(int count) {
        return bounded(readRandom(count));
    }

    @Override
    public Future<List<World>> updates(int count) {
        return bounded(readRandom(count).compose(read -> {
            List<World> written = new ArrayList<>(read.size());
            for (World w : read) {
                written.add(new World(w.id(), WorldRandom.numberOtherThan(w.randomNumber())));
            }
            return client.preparedQuery(WorldSchema.UPDATE).executeBatch(batch(written))
                    .map(ignored -> written);
        }));
    }

    @Override
    public Future<List<Fortune>> fortunes() {
        return bounded(client.preparedQuery(FortuneSchema.SELECT_ALL).execute().map(rows -> {
            List<Fortune> fortunes = new ArrayList<>(rows.size() + 1);
            for (Row row : rows) {
                fortunes.add(new Fortune(row.getInteger(0), row.getString(1)));
            }
            return fortunes;
        }));
    }

    /** The timing of this mode's single-row reads (each pipelined {@code SELECT} of a World row). */
    public QueryTimer queries() {
        return queries;
    }

    /**
     * Reads one row by id (no timeout of its own), timed into {@code timer} when it returns a row;
     * the cached-db mode reads its misses through it with a timer of its own.
     */
    Future<World> read(int id, QueryTimer timer) {
        long startNanos = System.nanoTime();
        return client.preparedQuery(WorldSchema.SELECT_BY_ID).execute(Tuple.of(id))
                .map(rows -> {
                    World row = firstRow(rows);
                    timer.completed(startNanos);
                    return row;
                });
    }

    private Future<List<World>> readRandom(int count) {
        List<Future<World>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(read(WorldRandom.id(), queries));
        }
        return Future.all(rows).map(all -> all.list());
    }

    /** (randomNumber, id) tuples in ascending id order: see {@link BlockingDbHandler}. */
    private static List<Tuple> batch(List<World> rows) {
        List<World> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(World::id));
        List<Tuple> batch = new ArrayList<>(sorted.size());
        for (World w : sorted) {
            batch.add(Tuple.of(w.randomNumber(), w.id()));
        }
        return batch;
    }

    static <T> Future<T> bounded(Future<T> work) {
        return work.timeout(BlockingDbHandler.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(BlockingDbHandler::asUnavailable);
    }

    private static World firstRow(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new World(row.getInteger(0), row.getInteger(1));
    }
}
