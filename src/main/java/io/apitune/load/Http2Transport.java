package io.apitune.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ssl.SslContext;

/**
 * The {@link Transport} for HTTP/2, on Netty's HTTP/2 codec directly: h2c with prior knowledge,
 * or h2 over TLS negotiated through ALPN ({@link ClientTls}); HTTP/1.1 is {@link Http1Transport}'s.
 * Each lane is a single-thread event loop with its share of the connections; each request is one
 * stream of a connection (no child channel, no HTTP/1-style message, no future per request), its
 * header block built once when it has no placeholders; answers are read frame by frame and their
 * bodies discarded unless a check wants them. No retries, no cookies, no redirects, no
 * decompression, TCP_NODELAY. What AsyncHttpClient did per request on this path (a stream child
 * channel and its pipeline, header conversion both ways, a channel group, a future) is gone.
 *
 * <p>A stream timeout (the driver's abort) resets the stream, never the connection. A connection
 * that closes, receives GOAWAY or runs out of stream ids is opened again for the next requests.
 * The probe learns the server's stream limit; a server that does not speak HTTP/2 fails it.
 *
 * <p>Thread model: see {@link Transport}. Construction and {@link #close()} on a non-lane thread.
 */
public final class Http2Transport implements Transport {
    private final TransportConfig config;
    private final List<Http2Lane> lanes = new ArrayList<>();
    private final Negotiation negotiation = new Negotiation();

    /**
     * @param template       what to send
     * @param laneCount      lanes (I/O threads), 1..connections
     * @param connections    connections over all lanes, split evenly
     * @param connectTimeout connect timeout, > 0
     * @param config         protocol (h2c or h2), streams, TLS
     * @throws io.apitune.ApituneException exit 2 when a TLS file cannot be used
     */
    public Http2Transport(RequestTemplate template, int laneCount, int connections,
            Duration connectTimeout, TransportConfig config) {
        if (laneCount < 1 || laneCount > connections) {
            throw new IllegalArgumentException("laneCount must be 1.." + connections + ": " + laneCount);
        }
        if (!config.protocol().http2()) {
            throw new IllegalArgumentException("HTTP/1.1 is Http1Transport's: " + config.protocol());
        }
        this.config = config;
        SslContext tls = template.anyHttps() ? ClientTls.context(config) : null;
        Http2Requests requests = new Http2Requests(template);
        try {
            for (int i = 0; i < laneCount; i++) {
                int share = connections / laneCount + (i < connections % laneCount ? 1 : 0);
                lanes.add(new Http2Lane(i, share, requests, template.origin(), connectTimeout, tls,
                        negotiation));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The configured protocol, which is also the negotiated one: a server that answers anything
     * but HTTP/2 fails the probe ({@link Http2Failure.NotHttp2}).
     */
    @Override
    public String protocol() {
        return config.protocol().wire();
    }

    @Override
    public int streamsPerConnection() {
        int limit = negotiation.streamLimit();
        return limit > 0 ? Math.min(config.streams(), limit) : config.streams();
    }

    @Override
    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    @Override
    public void close() {
        lanes.forEach(Http2Lane::stopEventLoop);
    }
}
