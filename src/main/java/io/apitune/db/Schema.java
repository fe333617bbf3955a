package io.apitune.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.apitune.ApituneException;

/**
 * Every table the DB modes use: {@link WorldSchema World}, {@link FortuneSchema Fortune} and
 * {@link ProductSchema product}, each created when missing and seeded only when empty, so an
 * existing server's data is left alone.
 *
 * <p>Stateless; thread-safe.
 */
public final class Schema {
    private Schema() {
    }

    /** Opens a JDBC connection; lets callers pass {@code database::connect}. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /**
     * Creates and seeds every table (blocking).
     *
     * @param where printable description of the server for the error message (no password)
     * @throws ApituneException exit 3 when the server cannot be reached
     */
    public static void ensure(Connector connector, String where) {
        try (Connection c = connector.connect()) {
            WorldSchema.ensure(c);
            FortuneSchema.ensure(c);
            ProductSchema.ensure(c);
        } catch (SQLException e) {
            throw ApituneException.targetFailure(
                    "database " + where + " is unreachable: " + e.getMessage(), e);
        }
    }

    static long count(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
