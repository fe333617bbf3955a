package io.apitune.server;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import io.apitune.db.Database;
import io.apitune.db.DbUrl;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;

/**
 * Everything behind the HTTP layer: upstream, worker pools, caches, DB pools, handlers, stats
 * and metrics. Built once by {@link ReferenceServer#start}; {@link #close()} releases it in
 * reverse order.
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
    private final ServerMetrics metrics;
    private final DateHeader date;

    private ServerParts(Vertx vertx, ServerConfig config, Database database, ServerMetrics metrics,
            HikariDataSource jdbcPool, SqlClient asyncClient) {
        this.vertx = vertx;
        this.config = config;
        this.database = database;
        this.metrics = metrics;
        this.jdbcPool = jdbcPool;
        this.asyncClient = asyncClient;
        this.handlers = handlers(vertx, config, jdbcPool, asyncClient);
        this.stats = new ServerStats(handlers, config, databaseKind());
        bindMetrics();
        this.date = new DateHeader(vertx);
    }

    private static Handlers handlers(Vertx vertx, ServerConfig config, HikariDataSource jdbcPool,
            SqlClient asyncClient) {
        Upstream upstream = new Upstream(vertx, config.backendLatency(), config.jitter());
        BlockingDbHandler blockingDb = jdbcPool == null ? null : new BlockingDbHandler(
                new BoundedWorkers(vertx, "apitune-blocking-db", config.workers(), config.queue()),
                jdbcPool);
        AsyncDbHandler asyncDb = asyncClient == null ? null : new AsyncDbHandler(asyncClient);
        return new Handlers(upstream,
                new BlockingHandler(new BoundedWorkers(vertx, "apitune-blocking",
                        config.workers(), config.queue()), upstream),
                new AsyncHandler(upstream),
                new CachedHandler(upstream, config.cacheSize(), config.cacheTtl()),
                new VirtualHandler(upstream, VirtualThreads.newPerTaskExecutor()),
                blockingDb, asyncDb,
                asyncDb == null ? null
                        : new CachedDbHandler(asyncDb, config.cacheSize(), config.cacheTtl()),
                blockingDb == null ? null : new JdbcProducts(blockingDb, jdbcPool),
                asyncClient == null ? null : new PgProducts(asyncClient));
    }

    private void bindMetrics() {
        metrics.bindModes(stats);
        metrics.bindCache(Mode.CACHED, stats.of(Mode.CACHED), handlers.cached().cache()::size);
        metrics.bindWorkers(handlers.blocking().workers());
        if (handlers.hasDatabase()) {
            metrics.bindCache(Mode.CACHED_DB, stats.of(Mode.CACHED_DB), handlers.cachedDb().cache()::size);
            metrics.bindWorkers(handlers.blockingDb().workers());
            metrics.bindDbPool("apitune-async-db", config.dbPool());
        }
    }

    /** @param database null to run without one (DB modes answer 503) */
    static ServerParts create(Vertx vertx, ServerConfig config, Database database) {
        ServerMetrics metrics = ServerMetrics.create(config.metrics());
        if (database == null) {
            return new ServerParts(vertx, config, null, metrics, null, null);
        }
        HikariDataSource jdbcPool = jdbcPool(database.url(), config.dbPool(), metrics);
        return new ServerParts(vertx, config, database, metrics, jdbcPool,
                asyncClient(vertx, database.url(), config.dbPool()));
    }

    private static HikariDataSource jdbcPool(DbUrl url, int size, ServerMetrics metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("apitune-blocking-db");
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(size);
        hikari.setMinimumIdle(size);
        hikari.setConnectionTimeout(DB_CONNECT_TIMEOUT_MILLIS);
        hikari.setValidationTimeout(1_000);
        if (metrics.enabled()) {
            // HikariCP's own meters: hikaricp_connections{,_active,_idle,_pending,_max,…}.
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
        }
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
        return new Routes(handlers, stats, metrics, new Responses(date));
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
        quietly(metrics::close);
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
