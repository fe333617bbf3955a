package io.apitune.server;

/**
 * The request paths of every mode, callable without HTTP (the JMH benchmarks call them
 * directly). The DB handlers and product stores are null when the server runs without a
 * database.
 *
 * <p>Immutable holder; the handlers themselves are thread-safe.
 */
public record Handlers(Upstream upstream, BlockingHandler blocking, AsyncHandler async,
        CachedHandler cached, VirtualHandler virtual, BlockingDbHandler blockingDb,
        AsyncDbHandler asyncDb, CachedDbHandler cachedDb, JdbcProducts blockingDbItems,
        PgProducts asyncDbItems) {

    public boolean hasDatabase() {
        return blockingDb != null && asyncDb != null && cachedDb != null;
    }
}
