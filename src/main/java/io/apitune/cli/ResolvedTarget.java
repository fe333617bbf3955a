package io.apitune.cli;

import io.apitune.ApituneException;
import io.apitune.scenario.TargetSpec;
import io.apitune.server.Mode;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;

/**
 * A {@link TargetSpec} resolved to a URL for one run; for a mode target it owns the in-process
 * reference server and stops it on {@link #close()}.
 *
 * <p>Used by one thread.
 */
final class ResolvedTarget implements AutoCloseable {
    private final String url;
    private final String baseUrl;
    private final AutoCloseable server;

    private ResolvedTarget(String url, String baseUrl, AutoCloseable server) {
        this.url = url;
        this.baseUrl = baseUrl;
        this.server = server;
    }

    static ResolvedTarget start(TargetSpec target) {
        switch (target.kind()) {
            case URL:
                return new ResolvedTarget(target.url(), null, null);
            case SERVER: {
                String base = trimSlash(target.baseUrl());
                return new ResolvedTarget(base + target.modePath(), base, null);
            }
            default:
                return startServer(target);
        }
    }

    /** Starts the reference server in-process on a free port, with a database for DB modes. */
    private static ResolvedTarget startServer(TargetSpec target) {
        Mode mode = target.mode();
        ServerConfig config = target.server().withPort(0).withDatabase(mode.isDb());
        ReferenceServer server = ReferenceServer.start(config);
        if (!server.availableModes().contains(mode)) {
            server.close();
            throw ApituneException.targetFailure("mode " + mode + " is not available in this "
                    + "process" + (mode == Mode.VIRTUAL ? " (virtual threads need Java 21+, this is "
                    + Runtime.version().feature() + ")" : ""), null);
        }
        String base = server.baseUrl();
        return new ResolvedTarget(base + target.modePath(), base, server);
    }

    private static String trimSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The URL to drive (may contain {@code {key}}). */
    String url() {
        return url;
    }

    /** The reference server's base URL, or null for a plain URL target. */
    String baseUrl() {
        return baseUrl;
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
