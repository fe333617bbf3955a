package io.apitune.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.apitune.db.World;
import io.apitune.db.WorldSchema;
import io.vertx.core.Future;

/**
 * Mode {@code blocking-db}: JDBC (PostgreSQL driver, HikariCP pool) on the bounded worker pool,
 * the N queries of a request run one after another on one connection.
 *
 * <p>Thread-safe; call from any event loop. Failures other than a full worker pool become
 * 503 {@link HandlerException#databaseUnavailable}; a request fails after at most
 * {@link #TIMEOUT_MILLIS}.
 */
public final class BlockingDbHandler {
    /** Upper bound of one DB request before it answers 503. */
    public static final long TIMEOUT_MILLIS = 3_000;
    private final BoundedWorkers workers;
    private final DataSource dataSource;

    public BlockingDbHandler(BoundedWorkers workers, DataSource dataSource) {
        this.workers = workers;
        this.dataSource = dataSource;
    }

    /** One random row. */
    public Future<World> one() {
        return queries(1).map(rows -> rows.get(0));
    }

    /** {@code count} random rows, 1..500, read sequentially. */
    public Future<List<World>> queries(int count) {
        return workers.submit(() -> readRandom(count))
                .timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(BlockingDbHandler::asUnavailable);
    }

    public BoundedWorkers workers() {
        return workers;
    }

    private List<World> readRandom(int count) throws SQLException {
        List<World> rows = new ArrayList<>(count);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(WorldSchema.SELECT_BY_ID_JDBC)) {
            for (int i = 0; i < count; i++) {
                ps.setInt(1, ThreadLocalRandom.current().nextInt(1, WorldSchema.ROWS + 1));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows.add(new World(rs.getInt(1), rs.getInt(2)));
                }
            }
        }
        return rows;
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
