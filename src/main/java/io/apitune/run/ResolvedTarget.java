package io.apitune.run;

import java.security.cert.X509Certificate;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig;
import io.apitune.load.TransportConfig;
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
    /** The in-process server's own TLS certificate, trusted by the run; null in cleartext. */
    private final X509Certificate certificate;

    private ResolvedTarget(TargetSpec spec, String url, String baseUrl, AutoCloseable server,
            X509Certificate certificate) {
        this.spec = spec;
        this.url = url;
        this.baseUrl = baseUrl;
        this.server = server;
        this.certificate = certificate;
    }

    static ResolvedTarget start(TargetSpec target) {
        return switch (target.kind()) {
            case URL -> new ResolvedTarget(target, target.url(), null, null, null);
            case SERVER -> new ResolvedTarget(target, target.urlOn(target.baseUrl()), target.serverBase(),
                    null, null);
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
        return new ResolvedTarget(target, target.urlOn(base), base, server,
                server.tlsCertificate().orElse(null));
    }

    /**
     * {@code load} against this target: its URL, and trusting the in-process server's own
     * certificate when it serves TLS.
     */
    LoadConfig configure(LoadConfig load) {
        LoadConfig resolved = load.withUrl(url);
        if (certificate == null) {
            return resolved;
        }
        TransportConfig transport = resolved.transport();
        return resolved.withTransport(transport.withTls(transport.tls().trusting(certificate)));
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
