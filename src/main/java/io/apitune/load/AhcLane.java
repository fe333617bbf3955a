package io.apitune.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.AsyncHttpClientConfig;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;

/**
 * One lane of {@link AhcTransport}: a single-thread event loop, the client that uses only it, and
 * the lane's share of the HTTP/2 connections, to which its calls are handed in turn.
 *
 * <p>Thread model: see {@link Transport.Lane}; {@link #connectionsOpened()} may be read by any
 * thread. Construction and closing on a non-lane thread.
 */
final class AhcLane extends LaneLoop {
    private static final String FLUSH_CONSOLIDATION = "apitune-flush-consolidation";
    /**
     * Flushes of one HTTP/2 connection merged into one write at most: a write of 64 requests'
     * HEADERS frames is a few KB, one TCP segment; more would only delay the first of them.
     */
    private static final int FLUSHES_PER_WRITE = 64;

    private final AsyncHttpClient client;
    private final AhcRequests requests;
    private final int connectionCount;
    /** This lane's connections, to which its calls are handed in turn. */
    private final H2Connection[] connections;
    private final Negotiation negotiation;
    private int callsMade;
    private volatile long connectionsOpened;

    AhcLane(int index, int connectionCount, AhcRequests requests, RequestTemplate template,
            Duration connectTimeout, HashedWheelTimer timer, SslContext tls, TransportConfig config,
            Negotiation negotiation) {
        super(newEventLoop(new DefaultThreadFactory("apitune-io-" + index, true)));
        this.requests = requests;
        this.connectionCount = connectionCount;
        this.negotiation = negotiation;
        this.client = Dsl.asyncHttpClient(config(group, timer, connectTimeout, tls, config));
        this.connections = new H2Connection[connectionCount];
        for (int i = 0; i < connectionCount; i++) {
            connections[i] = new H2Connection(this, requests, template.origin() != null);
        }
    }

    /**
     * One event-loop thread: epoll where available, else NIO. AsyncHttpClient recognises the
     * transport of a given group by these (deprecated in Netty 4.2) classes.
     */
    @SuppressWarnings("deprecation")
    private static EventLoopGroup newEventLoop(ThreadFactory threads) {
        return Epoll.isAvailable() ? new EpollEventLoopGroup(1, threads)
                : new NioEventLoopGroup(1, threads);
    }

    private static DefaultAsyncHttpClientConfig config(EventLoopGroup group, HashedWheelTimer timer,
            Duration connectTimeout, SslContext tls, TransportConfig transport) {
        Duration none = Duration.ofMillis(-1);
        DefaultAsyncHttpClientConfig.Builder builder = Dsl.config()
                .setEventLoopGroup(group)
                .setNettyTimer(timer)
                .setMaxRequestRetry(0)
                .setKeepAlive(true)
                // No User-Agent: one header less to build and send, as wrk sends none.
                .setUserAgent(null)
                .setCookieStore(null)
                .setFollowRedirect(false)
                .setCompressionEnforced(false)
                // The body is discarded: no decompressor in the pipeline, no header checks.
                .setEnableAutomaticDecompression(false)
                .setValidateResponseHeaders(false)
                // The driver caps requests in flight; a limit here would block the lane.
                .setMaxConnections(-1)
                .setMaxConnectionsPerHost(-1)
                .setConnectTimeout(connectTimeout)
                // The driver's sweeper times requests out (see the class comment).
                .setReadTimeout(none)
                .setRequestTimeout(none)
                .setPooledConnectionIdleTimeout(Duration.ofMinutes(5))
                .setTcpNoDelay(true)
                // A body part is read inside its callback only (or copied by the call): no copy of
                // every response body into a new byte array, which the default (EAGER) makes.
                .setResponseBodyPartFactory(AsyncHttpClientConfig.ResponseBodyPartFactory.LAZY)
                .setShutdownQuietPeriod(Duration.ZERO)
                .setShutdownTimeout(Duration.ofSeconds(1))
                .setHttp2Enabled(true)
                .setHttp2CleartextEnabled(transport.protocol() == TransportConfig.Protocol.H2C)
                .setHttp2MaxConcurrentStreams(transport.streams())
                .setHttpAdditionalChannelInitializer(AhcLane::consolidateFlushes);
        if (tls != null) {
            builder.setSslContext(tls);
        }
        return builder.build();
    }

    /**
     * An HTTP/2 connection's pipeline also consolidates flushes. Each stream's request is flushed
     * on its own, and outside the connection's read loop (the driver sends the next request as a
     * lane task, see {@link AhcCall#onCompleted()}) Netty passes every such flush to the socket:
     * one write system call per request, and one small TCP segment for the target to read. The
     * handler turns the flushes of a run of lane tasks into one, done by a task queued after them.
     * It sits next to the head, so over TLS above the SslHandler (which AsyncHttpClient adds first
     * when it connects): fewer, larger TLS records too.
     */
    private static void consolidateFlushes(Channel channel) {
        channel.pipeline().addFirst(FLUSH_CONSOLIDATION,
                new FlushConsolidationHandler(FLUSHES_PER_WRITE, true));
    }

    @Override
    public int connections() {
        return connectionCount;
    }

    @Override
    public Transport.Call newCall(Transport.Outcome outcome) {
        H2Connection connection = connections[callsMade++ % connections.length];
        return new AhcCall(client, requests, outcome, this, connection, null);
    }

    @Override
    public Transport.Call newProbe(Transport.Outcome outcome) {
        return new AhcCall(client, requests, outcome, this, connections[0], negotiation);
    }

    /** A TCP connection was made. Lane thread. */
    void connectionOpened() {
        connectionsOpened = connectionsOpened + 1; // single writer: the lane
    }

    /** TCP connections this lane has made so far. Any thread. */
    long connectionsOpened() {
        return connectionsOpened;
    }

    void closeClient() {
        try {
            client.close();
        } catch (IOException e) {
            // Closing releases local resources only; nothing to report.
        }
    }
}
