package io.apitune.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.apitune.db.Fortune;
import io.apitune.db.FortuneSchema;
import io.apitune.db.World;
import io.apitune.db.WorldSchema;
import io.vertx.core.Future;

/**
 * Mode {@code blocking-db}: JDBC (PostgreSQL driver, HikariCP pool) on the bounded worker pool.
 * The N queries of a request run one after another on one connection; an update request then
 * writes its N rows as one JDBC batch in one transaction.
 *
 * <p>Thread-safe; call from any event loop. Failures other than a full worker pool become
 * 503 {@link HandlerException#databaseUnavailable}; a request fails after at most
 * {@link #TIMEOUT_MILLIS}.
 */
public final class BlockingDbHandler implements DbHandler {
    /** Upper bound of one DB request before it answers 503. */
    public static final long TIMEOUT_MILLIS = 3_000;
    private final BoundedWorkers workers;
    private final DataSource dataSource;
    private final QueryTimer queries = new QueryTimer();

    public BlockingDbHandler(BoundedWorkers workers, DataSource dataSource) {
        this.workers = workers;
        this.dataSource = dataSource;
    }

    @Override
    public Future<World> one() {
        return queries(1).map(rows -> rows.get(0));
    }

    /** {@code count} random rows, 1..500, read sequentially. */
    @Override
    public Future<List<World>> queries(int count) {
        return onWorker(() -> {
            try (Connection c = dataSource.getConnection()) {
                return readRandom(c, count, queries);
            }
        });
    }

    /** Reads sequentially, then one batch of updates (ascending ids) in one transaction. */
    @Override
    public Future<List<World>> updates(int count) {
        return onWorker(() -> {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    List<World> written = readRandom(c, count, queries).stream()
                            .map(w -> new World(w.id(), WorldRandom.numberOtherThan(w.randomNumber())))
                            .toList();
                    writeBatch(c, written);
                    c.commit();
                    return written;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        });
    }

    @Override
    public Future<List<Fortune>> fortunes() {
        return onWorker(() -> {
            List<Fortune> rows = new ArrayList<>(16);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(FortuneSchema.SELECT_ALL);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(FortuneSchema.read(rs));
                }
            }
            return rows;
        });
    }

    public BoundedWorkers workers() {
        return workers;
    }

    /** The timing of this mode's single-row reads (each {@code SELECT} of a World row). */
    public QueryTimer queries() {
        return queries;
    }

    /** Runs JDBC work on the bounded pool, bounded in time, failures mapped to 503. */
    <T> Future<T> onWorker(Callable<T> work) {
        return workers.submit(work).timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(BlockingDbHandler::asUnavailable);
    }

    /** {@code count} rows one after another; each read (execute + row) is timed into {@code timer}. */
    private static List<World> readRandom(Connection c, int count, QueryTimer timer) throws SQLException {
        List<World> rows = new ArrayList<>(count);
        try (PreparedStatement ps = c.prepareStatement(WorldSchema.SELECT_BY_ID_JDBC)) {
            for (int i = 0; i < count; i++) {
                ps.setInt(1, WorldRandom.id());
                long startNanos = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.add(new World(rs.getInt(1), rs.getInt(2)));
                }
                timer.completed(startNanos);
            }
        }
        return rows;
    }

    /**
     * Ascending ids, so concurrent update transactions lock rows in one order and cannot
     * deadlock; the sort is stable, so of two writes to one id the later one wins, as in the
     * answer.
     */
    private static void writeBatch(Connection c, List<World> rows) throws SQLException {
        List<World> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(World::id));
        try (PreparedStatement ps = c.prepareStatement(WorldSchema.UPDATE_JDBC)) {
            for (World w : sorted) {
                ps.setInt(1, w.randomNumber());
                ps.setInt(2, w.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static <T> Future<T> asUnavailable(Throwable failure) {
        if (failure instanceof HandlerException) {
            return Future.failedFuture(failure);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
        return Future.failedFuture(
                HandlerException.databaseUnavailable("database unavailable: " + detail, failure));
    }
}
