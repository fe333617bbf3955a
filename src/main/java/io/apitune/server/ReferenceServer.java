package io.apitune.server;

import java.net.BindException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.apitune.ApituneException;
import io.apitune.Notices;
import io.apitune.Problems;
import io.apitune.db.Database;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;

/**
 * The reference server: every mode mounted on one Vert.x HTTP server, with an embedded or
 * external PostgreSQL for the DB modes.
 *
 * <p>Thread model: {@link #start} and {@link #close} block the calling thread (never call them
 * on an event loop); requests run on Vert.x event loops, blocking work on named worker pools.
 * The accessors are thread-safe.
 */
public final class ReferenceServer implements AutoCloseable {
    /** How long {@link #close()} waits for in-flight requests. */
    public static final long DRAIN_MILLIS = 5_000;
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final ServerParts parts;
    private final List<HttpVerticle> verticles;
    private final int port;
    private final TlsMaterial tls;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReferenceServer(ServerParts parts, List<HttpVerticle> verticles, int port,
            TlsMaterial tls) {
        this.parts = parts;
        this.verticles = verticles;
        this.port = port;
        this.tls = tls;
    }

    /** {@link #start(ServerConfig, Notices)} reporting on {@code System.err}, without traces. */
    public static ReferenceServer start(ServerConfig config) {
        return start(config, Notices.stderr(false));
    }

    /**
     * Checks the host, the TLS files and the port; then starts the database (unless
     * {@code config.database()} is false), then the HTTP server; returns once it is listening.
     *
     * @param notices progress lines (starting the database) and, at most once a second,
     *                connection errors
     * @throws ApituneException exit 2 for an invalid host or TLS file, found before anything
     *                          starts; exit 3 when the port is in use or the database is down
     */
    public static ReferenceServer start(ServerConfig config, Notices notices) {
        TlsMaterial tls = StartChecks.run(config);
        Database database = config.database() ? Database.open(config.dbUrl(), notices) : null;
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        ServerParts parts = null;
        try {
            parts = ServerParts.create(vertx, config, database);
            // Load the JSON codec now, so the first measured request does not pay for it.
            parts.stats().toJson().encode();
            Router router = parts.routes().build(vertx);
            List<HttpVerticle> verticles = new CopyOnWriteArrayList<>();
            ConnectionErrors errors = new ConnectionErrors(notices);
            ProtocolStats protocols = parts.stats().protocols();
            int port = listen(vertx, config, verticles, () -> new HttpVerticle(router,
                    config.host(), config.port() == 0 ? -1 : config.port(), config.network(),
                    tls, protocols, errors));
            return new ReferenceServer(parts, Collections.unmodifiableList(verticles), port, tls);
        } catch (RuntimeException e) {
            if (parts != null) {
                parts.close();
            } else {
                await(vertx.close(), DRAIN_MILLIS, "stopping Vert.x");
                if (database != null) {
                    database.close();
                }
            }
            throw e;
        }
    }

    /**
     * Binds one server instance per event loop, all sharing one socket. Port 0 becomes -1 in
     * the factory: Vert.x lets instances share a random port only when it is negative.
     */
    private static int listen(Vertx vertx, ServerConfig config, List<HttpVerticle> verticles,
            Supplier<HttpVerticle> factory) {
        try {
            await(vertx.deployVerticle(() -> {
                HttpVerticle v = factory.get();
                verticles.add(v);
                return v;
            }, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)),
                    START_TIMEOUT_MILLIS, "starting the HTTP server");
        } catch (ApituneException e) {
            if (hasCause(e, BindException.class) || Problems.rootMessage(e).contains("already in use")) {
                throw StartChecks.portInUse(config, e);
            }
            throw ApituneException.targetFailure("cannot listen on " + config.host() + ":"
                    + config.port() + ": " + Problems.rootMessage(e), e);
        }
        return verticles.get(0).actualPort();
    }

    /** The bound port (the real one when the configured port was 0). */
    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:41234}, or {@code https://…} with TLS. */
    public String baseUrl() {
        String host = parts.config().host();
        return parts.config().network().scheme() + "://"
                + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + port;
    }

    /**
     * With TLS: what the certificate is and its SHA-256 fingerprint, e.g. {@code self-signed
     * certificate for localhost, 127.0.0.1, ::1; SHA-256 AB:CD:…}; empty in cleartext.
     */
    public Optional<String> tlsSummary() {
        return tls == null ? Optional.empty()
                : Optional.of(tls.description() + "; SHA-256 fingerprint " + tls.sha256Fingerprint());
    }

    /**
     * The certificate the server presents (self-signed or from {@code --tls-cert}), for a client
     * that should trust exactly it; empty in cleartext.
     */
    public Optional<X509Certificate> tlsCertificate() {
        return tls == null ? Optional.empty() : Optional.of(tls.certificate());
    }

    /** The SHA-256 fingerprint of the served certificate, {@code AB:CD:…}; empty in cleartext. */
    public Optional<String> tlsFingerprint() {
        return tls == null ? Optional.empty() : Optional.of(tls.sha256Fingerprint());
    }

    /** Modes that answer 2xx in this process: DB modes need a database, virtual needs JVM 21+. */
    public Set<Mode> availableModes() {
        Set<Mode> modes = EnumSet.of(Mode.BLOCKING, Mode.ASYNC, Mode.CACHED);
        if (parts.handlers().virtual().isAvailable()) {
            modes.add(Mode.VIRTUAL);
        }
        if (parts.handlers().hasDatabase()) {
            modes.add(Mode.BLOCKING_DB);
            modes.add(Mode.ASYNC_DB);
            modes.add(Mode.CACHED_DB);
        }
        return Collections.unmodifiableSet(modes);
    }

    /** The per-mode request paths, for callers that bypass HTTP. */
    public Handlers handlers() {
        return parts.handlers();
    }

    public ServerStats stats() {
        return parts.stats();
    }

    /** {@code embedded}, {@code external} or {@code off}, as in {@code /stats}. */
    public String databaseKind() {
        return parts.databaseKind();
    }

    /** {@code host:port} of the PostgreSQL in use (no credentials), empty when running without. */
    public Optional<String> databaseAddress() {
        return parts.databaseAddress();
    }

    /**
     * Stops accepting, drains in-flight requests for at most {@link #DRAIN_MILLIS}, closes the
     * pools and Vert.x, and stops the embedded PostgreSQL. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Future<Void>> drains = new ArrayList<>();
        for (HttpVerticle v : verticles) {
            drains.add(v.shutdown(DRAIN_MILLIS));
        }
        try {
            await(Future.join(drains), DRAIN_MILLIS + 1_000, "draining requests");
        } catch (ApituneException e) {
            // Drain is best effort; the rest must still be released.
        }
        parts.close();
    }

    static <T> T await(Future<T> future, long timeoutMillis, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApituneException.targetFailure(what + ": interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw ApituneException.targetFailure(what + ": " + Problems.rootMessage(e), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw ApituneException.targetFailure(what + ": timed out after " + timeoutMillis
                    + " ms", e);
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
