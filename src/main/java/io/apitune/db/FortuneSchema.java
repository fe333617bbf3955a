package io.apitune.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The TechEmpower Fortune table with its canonical 12 rows (one is a {@code <script>} that a
 * correct page escapes, one is Japanese to test UTF-8). Created if missing and seeded only when
 * empty.
 *
 * <p>Stateless; thread-safe.
 */
public final class FortuneSchema {
    /** The one query of the fortunes test. */
    public static final String SELECT_ALL = "SELECT id, message FROM fortune";
    /** The row every request adds before sorting, never stored. */
    public static final Fortune ADDED = new Fortune(0, "Additional fortune added at request time.");
    /** The seeded rows, ids 1..12, as TechEmpower defines them. */
    public static final List<Fortune> ROWS = List.of(
            new Fortune(1, "fortune: No such file or directory"),
            new Fortune(2, "A computer scientist is someone who fixes things that aren't broken."),
            new Fortune(3, "After enough decimal places, nobody gives a damn."),
            new Fortune(4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
            new Fortune(5, "A computer program does what you tell it to do, not what you want it "
                    + "to do."),
            new Fortune(6, "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom "
                    + "Christaensen"),
            new Fortune(7, "Any program that runs right is obsolete."),
            new Fortune(8, "A list is only as strong as its weakest link. \u2014 Donald Knuth"),
            new Fortune(9, "Feature: A bug with seniority."),
            new Fortune(10, "Computers make very fast, very accurate mistakes."),
            new Fortune(11, "<script>alert(\"This should not be displayed in a browser alert "
                    + "box.\");</script>"),
            new Fortune(12, "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1"
                    + "\u30de\u30fc\u30af"));

    private FortuneSchema() {
    }

    /** Creates the table when missing and seeds it when empty (blocking). */
    static void ensure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS fortune (id integer NOT NULL PRIMARY KEY, "
                    + "message varchar(2048) NOT NULL)");
            if (Schema.count(s, "fortune") > 0) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO fortune (id, message) VALUES (?, ?)")) {
            for (Fortune f : ROWS) {
                ps.setInt(1, f.id());
                ps.setString(2, f.message());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Reads every row of a {@link #SELECT_ALL} result. */
    public static Fortune read(ResultSet rs) throws SQLException {
        return new Fortune(rs.getInt(1), rs.getString(2));
    }
}
