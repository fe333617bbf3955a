package io.apitune.run;

import io.apitune.ApituneException;
import io.apitune.report.model.TargetInfo;
import io.apitune.server.Mode;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;
import io.apitune.server.VirtualThreads;

/**
 * A {@link TargetSpec} resolved to a URL for one run; for a mode target it owns the in-process
 * reference server and stops it on {@link #close()}.
 *
 * <p>Used by one thread.
 */
final class ResolvedTarget implements AutoCloseable {
    private final TargetSpec spec;
    private final String url;
    private final String baseUrl;
    private final AutoCloseable server;

    private ResolvedTarget(TargetSpec spec, String url, String baseUrl, AutoCloseable server) {
        this.spec = spec;
        this.url = url;
        this.baseUrl = baseUrl;
        this.server = server;
    }

    static ResolvedTarget start(TargetSpec target) {
        return switch (target.kind()) {
            case URL -> new ResolvedTarget(target, target.url(), null, null);
            case SERVER -> new ResolvedTarget(target, target.urlOn(target.baseUrl()), target.serverBase(), null);
            case MODE -> startServer(target);
        };
    }

    /** Starts the reference server in-process on a free port, with a database for DB modes. */
    private static ResolvedTarget startServer(TargetSpec target) {
        Mode mode = target.mode();
        ServerConfig config = target.server().withPort(0).withDatabase(mode.isDb());
        ReferenceServer server = ReferenceServer.start(config);
        if (!server.availableModes().contains(mode)) {
            server.close();
            throw ApituneException.targetFailure(mode == Mode.VIRTUAL ? VirtualThreads.unavailableMessage()
                    : "mode " + mode + " is not available in this process", null);
        }
        String base = server.baseUrl();
        return new ResolvedTarget(target, target.urlOn(base), base, server);
    }

    /** The URL to drive (may contain {@code {key}}). */
    String url() {
        return url;
    }

    /** The reference server's base URL, or null for a plain URL target. */
    String baseUrl() {
        return baseUrl;
    }

    /** The target as report.json describes it. */
    TargetInfo info() {
        return spec.info(url);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw ApituneException.targetFailure("stopping the reference server failed: "
                        + e.getMessage(), e);
            }
        }
    }
}
