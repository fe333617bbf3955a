package io.apitune.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.handler.ssl.SslContext;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The {@link Transport} for HTTP/2 on AsyncHttpClient: h2c (prior knowledge) or h2 (TLS, ALPN);
 * HTTP/1.1 is {@link Http1Transport}'s. The client is configured as apitune measures: no silent
 * retries, no cookie store, no automatic decompression, response bodies discarded without
 * buffering, Netty's native epoll transport where available, TLS verified unless
 * {@code --insecure} ({@link ClientTls}). A server that answers HTTP/1.1 instead is reported by
 * {@link #protocol()}.
 *
 * <p>Each lane is one AsyncHttpClient on its own single-thread Netty event loop, so a lane's
 * connections, sends and callbacks all stay on that thread: a send never wakes another thread.
 * The client runs without connection limit and without its own request and read timeouts: the
 * driver caps requests in flight per lane and sweeps timeouts itself, once per sweep for every
 * request, instead of AsyncHttpClient's two timer tasks per request on a shared timer thread
 * (which would also deliver timeouts on that thread, off the lane). The connect timeout stays
 * Netty's own (on the lane's event loop).
 *
 * <p>Over HTTP/2 a lane holds its share of the connections as {@link H2Connection}s, each its
 * own pool key in AsyncHttpClient (which keeps one multiplexed connection per key), and hands its
 * calls to them in turn; what a stream timeout aborts is the stream (RST_STREAM), never the
 * connection. The probe learns the protocol the server answered with and its stream limit.
 *
 * <p>Thread model: see {@link Transport}. Construction and {@link #close()} on a non-lane thread.
 */
public final class AhcTransport implements Transport {
    private final TransportConfig config;
    private final HashedWheelTimer timer;
    private final List<AhcLane> lanes = new ArrayList<>();
    private final Negotiation negotiation = new Negotiation();

    /**
     * @param template       what to send
     * @param laneCount      lanes (I/O threads), 1..connections
     * @param connections    connections over all lanes, split evenly
     * @param connectTimeout connect timeout, > 0
     * @param config         protocol, streams, TLS
     * @throws io.apitune.ApituneException exit 2 when a TLS file cannot be used
     */
    public AhcTransport(RequestTemplate template, int laneCount, int connections,
            Duration connectTimeout, TransportConfig config) {
        if (laneCount < 1 || laneCount > connections) {
            throw new IllegalArgumentException("laneCount must be 1.." + connections + ": " + laneCount);
        }
        if (!config.protocol().http2()) {
            throw new IllegalArgumentException("HTTP/1.1 is Http1Transport's: " + config.protocol());
        }
        this.config = config;
        SslContext tls = template.anyHttps() ? ClientTls.context(config) : null;
        // The pool's idle-connection check is the only user of the timer: one for every lane.
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("apitune-timer", true),
                100, TimeUnit.MILLISECONDS);
        AhcRequests requests = new AhcRequests(template);
        try {
            for (int i = 0; i < laneCount; i++) {
                int share = connections / laneCount + (i < connections % laneCount ? 1 : 0);
                lanes.add(new AhcLane(i, share, requests, template, connectTimeout, timer, tls,
                        config, negotiation));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The negotiated protocol once the probe was answered; the configured one before. */
    @Override
    public String protocol() {
        int major = negotiation.majorVersion();
        if (major == 1) {
            return TransportConfig.Protocol.HTTP1.wire();
        }
        return config.protocol().wire();
    }

    @Override
    public int streamsPerConnection() {
        int limit = negotiation.streamLimit();
        return limit > 0 ? Math.min(config.streams(), limit) : config.streams();
    }

    @Override
    public long connectionsOpened() {
        return lanes.stream().mapToLong(AhcLane::connectionsOpened).sum();
    }

    @Override
    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    @Override
    public void close() {
        // Clients first (their channels), then the event loops they ran on, then the timer they
        // scheduled on: the reverse order would make a closing client use a stopped timer.
        for (AhcLane lane : lanes) {
            lane.closeClient();
        }
        for (AhcLane lane : lanes) {
            lane.stopEventLoop();
        }
        timer.stop();
    }
}
