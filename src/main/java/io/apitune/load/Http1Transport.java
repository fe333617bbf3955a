package io.apitune.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ssl.SslContext;

/**
 * The {@link Transport} for HTTP/1.1, on Netty directly: each lane a single-thread event loop
 * with its own connections, each request written as prebuilt bytes (encoded once when it has no
 * placeholders), each answer read by Netty's response decoder and its body discarded unless a
 * check wants it. No retries, no cookies, no redirects, no decompression, keep-alive, TCP_NODELAY,
 * TLS verified unless {@code --insecure} ({@link ClientTls}). What AsyncHttpClient did per request
 * on this path (a request object, its headers encoded again, a future, the pool's concurrent
 * queues) is gone: the generator measured 0.7-0.9x wrk's closed-model rate with it.
 * HTTP/2 is {@link Http2Transport}'s.
 *
 * <p>Thread model: see {@link Transport}. Construction and {@link #close()} on a non-lane thread.
 */
public final class Http1Transport implements Transport {
    private final List<Http1Lane> lanes = new ArrayList<>();

    /**
     * @param template       what to send
     * @param laneCount      lanes (I/O threads), 1..connections
     * @param connections    connections over all lanes, split evenly
     * @param connectTimeout connect timeout, > 0
     * @param config         TLS settings (the protocol is HTTP/1.1)
     * @throws io.apitune.ApituneException exit 2 when a TLS file cannot be used
     */
    public Http1Transport(RequestTemplate template, int laneCount, int connections,
            Duration connectTimeout, TransportConfig config) {
        if (laneCount < 1 || laneCount > connections) {
            throw new IllegalArgumentException("laneCount must be 1.." + connections + ": " + laneCount);
        }
        SslContext tls = template.anyHttps() ? ClientTls.context(config) : null;
        Http1Requests requests = new Http1Requests(template);
        try {
            for (int i = 0; i < laneCount; i++) {
                int share = connections / laneCount + (i < connections % laneCount ? 1 : 0);
                lanes.add(new Http1Lane(i, share, requests, connectTimeout, tls));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String protocol() {
        return TransportConfig.Protocol.HTTP1.wire();
    }

    @Override
    public int streamsPerConnection() {
        return 1;
    }

    @Override
    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    @Override
    public void close() {
        lanes.forEach(Http1Lane::stopEventLoop);
    }
}
