package io.apitune.cli;

import io.apitune.ExitCodes;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import io.apitune.server.Mode;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;
import io.apitune.server.VirtualThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apitune serve}: starts the reference server with every mode, prints its address and
 * available modes, and runs until SIGINT/SIGTERM, then drains and exits 0.
 *
 * <p>Thread model: {@link #call()} blocks the main thread until a stop signal arrives.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = KeyFlags.Shape.class,
        description = {"Start the reference server with every handler mode mounted; runs until "
                + "Ctrl-C (SIGINT) or SIGTERM, then drains in-flight requests (at most 5 s), "
                + "stops the embedded PostgreSQL and exits 0.",
            "",
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
            description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to bind; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Record every request in Micrometer and serve GET /metrics (Prometheus "
                    + "text). --no-metrics records nothing and /metrics answers 404 (the "
                    + "baseline of scripts/metrics-overhead.sh). Default: on.")
    boolean metrics;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = KeyFlags.shape(spec).build(host, port, true).withMetrics(metrics);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println(config.dbUrl() == null ? "starting embedded PostgreSQL..."
                : "connecting to the database...");
        err.flush();
        try (StopSignals signals = StopSignals.install(stop::countDown);
                ReferenceServer server = ReferenceServer.start(config)) {
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
        out.println("modes: " + available.stream().map(Mode::path).collect(Collectors.joining(", ")));
        for (Mode mode : missing) {
            out.println("unavailable: " + mode.path() + " (" + whyUnavailable(mode) + ")");
        }
        out.println(String.format(Locale.ROOT,
                "database: %s%s; pools: workers %d + queue %d per blocking mode, db-pool %d (JDBC) "
                        + "and %d (async)", server.databaseKind(), server.databaseAddress().map(a -> " on " + a)
                        .orElse(""), config.workers(), config.queue(),
                config.dbPool(), config.dbPool()));
        out.println("try: curl " + server.baseUrl() + "/async/item/42   (Ctrl-C to stop)");
        out.flush();
    }

    private static String whyUnavailable(Mode mode) {
        return mode == Mode.VIRTUAL ? VirtualThreads.UNAVAILABLE : "no database";
    }
}
