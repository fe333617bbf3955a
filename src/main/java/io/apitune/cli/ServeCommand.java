package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.apitune.ExitCodes;
import io.apitune.Notices;
import io.apitune.run.Setting;
import io.apitune.server.Mode;
import io.apitune.server.NetworkConfig;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;
import io.apitune.server.VirtualThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apitune serve}: checks its flags, host, port and TLS files, starts the reference server
 * with every mode, prints its address, protocols and available modes, and runs until
 * SIGINT/SIGTERM, then drains and exits 0.
 *
 * <p>Thread model: {@link #call()} blocks the main thread until a stop signal arrives.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = KeyFlags.Shape.class,
        description = {"Start the reference server with every handler mode mounted; runs until "
                + "Ctrl-C (SIGINT) or SIGTERM, then drains in-flight requests (at most 5 s), "
                + "stops the embedded PostgreSQL and exits 0.",
            "",
            "Protocols: HTTP/1.1 (pipelining at any depth) and h2c (prior knowledge or upgrade) "
                + "on one port; with --tls, h2 and HTTP/1.1 through ALPN instead.",
            "Endpoints: /plaintext, /json, /stats, /metrics, "
                + "/{blocking|async|cached|virtual}/item/{id}, /{blocking-db|async-db|cached-db}/db, "
                + "/{blocking-db|async-db}/{queries|updates}?queries=N, "
                + "/cached-db/queries?count=N, /{blocking-db|async-db}/fortunes, "
                + "POST /{blocking-db|async-db}/items, /{blocking-db|async-db}/items/{id}, "
                + "/{blocking-db|async-db}/search?q=TERM"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to bind (an address of this machine). "
                    + "Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to bind; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--tls",
            description = "Serve TLS: h2 and HTTP/1.1 through ALPN, with a self-signed "
                    + "certificate made at start (its SHA-256 fingerprint is printed) unless "
                    + "--tls-cert/--tls-key are given.")
    boolean tls;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate chain to serve (implies --tls; needs --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "PEM private key of --tls-cert (PKCS#8, or PKCS#1/SEC1; unencrypted).")
    Path tlsKey;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Close a connection that has read and written nothing for this long "
                    + "(keep it above the slowest response); 0 turns it off. "
                    + "Default: ${DEFAULT-VALUE}.")
    String idleTimeout;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Close a connection whose request head (request line and headers) "
                    + "is not complete this long after it began, or whose first request "
                    + "(or TLS handshake, or HTTP/2 preface) is not in this long after it "
                    + "connected; 0 turns it off. Default: ${DEFAULT-VALUE}.")
    String headerTimeout;

    @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Record every request in Micrometer and serve GET /metrics (Prometheus "
                    + "text). --no-metrics records nothing and /metrics answers 404 (the "
                    + "baseline of scripts/metrics-overhead.sh). Default: on.")
    boolean metrics;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = KeyFlags.shape(spec).build(host, port, true).withMetrics(metrics)
                .withNetwork(new NetworkConfig(tls, tlsCert, tlsKey,
                        Setting.flag("--idle-timeout", idleTimeout).duration(),
                        Setting.flag("--header-timeout", headerTimeout).duration()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Notices notices = Notices.to(err, ErrorHandlers.verbose(
                spec.root().commandLine().getParseResult()));
        try (StopSignals signals = StopSignals.install(stop::countDown);
                ReferenceServer server = ReferenceServer.start(config, notices)) {
            signals.onExit(server::close);
            printBanner(out, server, config);
            stop.await();
            err.println("stopping: draining in-flight requests (at most 5 s)...");
            err.flush();
        }
        err.println("stopped");
        err.flush();
        return ExitCodes.OK;
    }

    /** Stops a running {@link #call()} as SIGTERM would; for in-process tests. */
    void requestStop() {
        stop.countDown();
    }

    private static void printBanner(PrintWriter out, ReferenceServer server, ServerConfig config) {
        Set<Mode> available = server.availableModes();
        Set<Mode> missing = EnumSet.complementOf(EnumSet.copyOf(available));
        out.println("apitune serve listening on " + server.baseUrl());
        out.println("protocols: " + (config.network().tls() ? "h2, http/1.1 (TLS, ALPN)"
                : "http/1.1, h2c (prior knowledge and upgrade)"));
        server.tlsSummary().ifPresent(summary -> out.println("tls: " + summary));
        out.println("modes: " + available.stream().map(Mode::path).collect(Collectors.joining(", ")));
        for (Mode mode : missing) {
            out.println("unavailable: " + mode.path() + " (" + whyUnavailable(mode) + ")");
        }
        out.println(String.format(Locale.ROOT,
                "database: %s%s; pools: workers %d + queue %d per blocking mode, db-pool %d (JDBC) "
                        + "and %d (async)", server.databaseKind(), server.databaseAddress().map(a -> " on " + a)
                        .orElse(""), config.workers(), config.queue(),
                config.dbPool(), config.dbPool()));
        out.println("try: curl " + (config.network().tls() ? "-k " : "") + server.baseUrl()
                + "/async/item/42   (Ctrl-C to stop)");
        out.flush();
    }

    private static String whyUnavailable(Mode mode) {
        return mode == Mode.VIRTUAL ? VirtualThreads.unavailableMessage() : "no database";
    }
}
