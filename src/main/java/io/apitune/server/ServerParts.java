package io.apitune.server;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.apitune.db.Database;
import io.apitune.db.DbUrl;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

/**
 * Everything behind the HTTP layer: upstream, worker pools, cache, DB pools, handlers, stats.
 * Built once by {@link ReferenceServer#start}; {@link #close()} releases it in reverse order.
 *
 * <p>Thread model: created and closed on one non-event-loop thread; the parts are thread-safe.
 */
final class ServerParts {
    private static final int PIPELINING_LIMIT = 256;
    private static final long DB_CONNECT_TIMEOUT_MILLIS = 2_000;

    private final Vertx vertx;
    private final ServerConfig config;
    private final Database database;
    private final HikariDataSource jdbcPool;
    private final SqlClient asyncClient;
    private final Handlers handlers;
    private final ServerStats stats;
    private final DateHeader date;

    private ServerParts(Vertx vertx, ServerConfig config, Database database,
            HikariDataSource jdbcPool, SqlClient asyncClient) {
        this.vertx = vertx;
        this.config = config;
        this.database = database;
        this.jdbcPool = jdbcPool;
        this.asyncClient = asyncClient;
        Upstream upstream = new Upstream(vertx, config.backendLatency(), config.jitter());
        this.handlers = new Handlers(upstream,
                new BlockingHandler(new BoundedWorkers(vertx, "apitune-blocking",
                        config.workers(), config.queue()), upstream),
                new AsyncHandler(upstream),
                new CachedHandler(upstream, config.cacheSize(), config.cacheTtl()),
                new VirtualHandler(upstream, VirtualThreads.newPerTaskExecutor()),
                jdbcPool == null ? null : new BlockingDbHandler(new BoundedWorkers(vertx,
                        "apitune-blocking-db", config.workers(), config.queue()), jdbcPool),
                asyncClient == null ? null : new AsyncDbHandler(asyncClient));
        this.stats = new ServerStats(handlers, config, databaseKind());
        this.date = new DateHeader(vertx);
    }

    /** @param database null to run without one (DB modes answer 503) */
    static ServerParts create(Vertx vertx, ServerConfig config, Database database) {
        if (database == null) {
            return new ServerParts(vertx, config, null, null, null);
        }
        HikariDataSource jdbcPool = jdbcPool(database.url(), config.dbPool());
        return new ServerParts(vertx, config, database, jdbcPool,
                asyncClient(vertx, database.url(), config.dbPool()));
    }

    private static HikariDataSource jdbcPool(DbUrl url, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("apitune-blocking-db");
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(size);
        hikari.setConnectionTimeout(DB_CONNECT_TIMEOUT_MILLIS);
        hikari.setValidationTimeout(1_000);
        return new HikariDataSource(hikari);
    }

    private static SqlClient asyncClient(Vertx vertx, DbUrl url, int size) {
        PgConnectOptions connect = new PgConnectOptions().setHost(url.host()).setPort(url.port())
                .setDatabase(url.database()).setUser(url.user()).setPassword(url.password())
                .setCachePreparedStatements(true).setPipeliningLimit(PIPELINING_LIMIT);
        PoolOptions pool = new PoolOptions().setMaxSize(size)
                .setConnectionTimeout((int) DB_CONNECT_TIMEOUT_MILLIS)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout((int) DB_CONNECT_TIMEOUT_MILLIS).setTcpNoDelay(true);
        return PgBuilder.client().with(pool).with(net).connectingTo(connect).using(vertx).build();
    }

    ServerConfig config() {
        return config;
    }

    Handlers handlers() {
        return handlers;
    }

    ServerStats stats() {
        return stats;
    }

    Routes routes() {
        return new Routes(handlers, stats, new Responses(date));
    }

    String databaseKind() {
        return database == null ? "off" : database.kind().name().toLowerCase(Locale.ROOT);
    }

    Optional<String> databaseAddress() {
        return database == null ? Optional.empty()
                : Optional.of(database.url().host() + ":" + database.url().port());
    }

    /** Releases pools, Vert.x and the embedded PostgreSQL; each step runs even if one fails. */
    void close() {
        date.stop();
        handlers.virtual().close();
        if (asyncClient != null) {
            quietly(() -> ReferenceServer.await(asyncClient.close(), 2_000, "closing async-db"));
        }
        if (jdbcPool != null) {
            quietly(jdbcPool::close);
        }
        quietly(() -> ReferenceServer.await(vertx.close(), ReferenceServer.DRAIN_MILLIS,
                "stopping Vert.x"));
        if (database != null) {
            database.close();
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            // Shutdown continues: a stuck pool must not keep PostgreSQL running.
        }
    }
}
