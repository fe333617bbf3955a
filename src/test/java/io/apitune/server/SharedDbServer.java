package io.apitune.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * One reference server with the embedded PostgreSQL for the DB integration tests, started on
 * first use and stopped when the test JVM exits, so the suite pays the database start once.
 * Tests that compare {@code /stats} use deltas, as other classes share the counters.
 *
 * <p>Thread-safe: started under the class lock.
 */
final class SharedDbServer {
    private static ReferenceServer server;

    private SharedDbServer() {
    }

    static synchronized ReferenceServer get() {
        if (server == null) {
            ReferenceServer started = ReferenceServer.start(new ServerConfig("127.0.0.1", 0,
                    Duration.ZERO, Duration.ZERO, 8, 64, 10_000, Duration.ofMinutes(5), null, 4,
                    true));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-db-server"));
            server = started;
        }
        return server;
    }

    static String base() {
        return get().baseUrl();
    }

    /** A JDBC connection to the server's embedded PostgreSQL, to read rows back. */
    static Connection jdbc() throws SQLException {
        String address = get().databaseAddress().orElseThrow();
        return DriverManager.getConnection("jdbc:postgresql://" + address + "/postgres",
                "postgres", "");
    }
}
