package io.apitune.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The TechEmpower World table: {@code id} 1..{@value #ROWS}, {@code randomNumber} 1..{@value #ROWS}.
 * Created if missing and seeded only when empty, so an existing server's data is left alone.
 *
 * <p>Stateless; thread-safe.
 */
public final class WorldSchema {
    /** Rows in the World table; ids are 1..ROWS. */
    public static final int ROWS = 10_000;
    /** The one query both DB modes run. */
    public static final String SELECT_BY_ID = "SELECT id, randomnumber FROM world WHERE id = $1";
    /** The same query in JDBC placeholder syntax. */
    public static final String SELECT_BY_ID_JDBC = "SELECT id, randomnumber FROM world WHERE id = ?";
    /** The update of the updates test, parameters (randomNumber, id). */
    public static final String UPDATE = "UPDATE world SET randomnumber = $1 WHERE id = $2";
    /** The same update in JDBC placeholder syntax. */
    public static final String UPDATE_JDBC = "UPDATE world SET randomnumber = ? WHERE id = ?";

    private WorldSchema() {
    }

    /** Creates the table when missing and seeds it when empty (blocking). */
    static void ensure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS world (id integer NOT NULL PRIMARY KEY, "
                    + "randomnumber integer NOT NULL)");
            if (Schema.count(s, "world") == 0) {
                s.execute("INSERT INTO world (id, randomnumber) SELECT g, 1 + floor(random() * "
                        + ROWS + ")::integer FROM generate_series(1, " + ROWS + ") AS g");
                s.execute("ANALYZE world");
            }
        }
    }
}
