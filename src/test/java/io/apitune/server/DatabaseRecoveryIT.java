package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.db.Database;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database goes away mid-run: DB modes answer 503 quickly, the other modes keep serving,
 * and the DB modes recover when PostgreSQL is back. The server uses {@code --db-url} against a
 * PostgreSQL this test stops and restarts on the same port and data directory.
 */
class DatabaseRecoveryIT {
    private static final List<String> DB_PATHS = List.of("/blocking-db/db", "/async-db/db",
            "/async-db/queries?queries=5", "/blocking-db/queries?queries=5");

    @Test
    void outageGives503WhileOtherModesServeAndDbModesRecover(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres pg = postgres(data, 0);
        int pgPort = pg.getPort();
        ServerConfig config = new ServerConfig("127.0.0.1", 0, Duration.ofMillis(1), Duration.ZERO,
                4, 16, 100, Duration.ofMinutes(1), "postgresql://postgres@127.0.0.1:" + pgPort
                        + "/postgres", 2, true);
        try (ReferenceServer server = ReferenceServer.start(config)) {
            String base = server.baseUrl();
            assertThat(server.databaseKind()).isEqualTo("external");
            for (String path : DB_PATHS) {
                assertThat(Http.get(base + path).status()).as(path).isEqualTo(200);
            }

            pg.close();
            for (String path : DB_PATHS) {
                long startNanos = System.nanoTime();
                Http.Reply r = Http.get(base + path);
                long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
                assertThat(r.status()).as(path).isEqualTo(503);
                assertThat(new JsonObject(r.body()).getString("error"))
                        .startsWith("database unavailable");
                // The server bounds a DB request at 3 s; allow slack for a loaded machine.
                assertThat(elapsedMillis).as(path).isLessThan(10_000);
            }
            assertThat(Http.get(base + "/async/item/1").status()).isEqualTo(200);
            assertThat(Http.get(base + "/blocking/item/1").status()).isEqualTo(200);

            pg = postgres(data, pgPort);
            for (String path : DB_PATHS) {
                assertThat(pollUntilOk(base + path)).as(path).isEqualTo(200);
            }
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setPgBinaryResolver(Database::firstPgBinary);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static int pollUntilOk(String url) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status;
        do {
            status = Http.get(url).status();
            if (status == 200) {
                return status;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return status;
    }
}
