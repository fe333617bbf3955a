package io.apitune.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;

/**
 * One lane of {@link AhcTransport}: a single-thread event loop, the client that uses only it, and
 * over HTTP/2 the lane's share of the connections, to which its calls are handed in turn.
 *
 * <p>Thread model: see {@link Transport.Lane}; {@link #connectionsOpened()} may be read by any
 * thread. Construction and closing on a non-lane thread.
 */
final class AhcLane implements Transport.Lane {
    private static final long START_TIMEOUT_SECONDS = 10;

    private final EventLoopGroup group;
    private final AsyncHttpClient client;
    private final AhcRequests requests;
    private final long threadId;
    private final int connectionCount;
    /** Over HTTP/2, this lane's connections; null over HTTP/1.1. */
    private final H2Connection[] connections;
    private final Negotiation negotiation;
    private int callsMade;
    private volatile long connectionsOpened;

    AhcLane(int index, int connectionCount, AhcRequests requests, RequestTemplate template,
            Duration connectTimeout, HashedWheelTimer timer, SslContext tls, TransportConfig config,
            Negotiation negotiation) {
        this.requests = requests;
        this.connectionCount = connectionCount;
        this.negotiation = negotiation;
        this.group = newEventLoop(new DefaultThreadFactory("apitune-io-" + index, true));
        this.client = Dsl.asyncHttpClient(config(group, timer, connectTimeout, tls, config));
        this.threadId = threadIdOf(group);
        if (config.protocol().http2()) {
            connections = new H2Connection[connectionCount];
            for (int i = 0; i < connectionCount; i++) {
                connections[i] = new H2Connection(this, requests, template.origin() != null);
            }
        } else {
            connections = null;
        }
    }

    /**
     * One event-loop thread: epoll where available, else NIO. AsyncHttpClient recognises the
     * transport of a given group by these (deprecated in Netty 4.2) classes.
     */
    @SuppressWarnings("deprecation")
    private static EventLoopGroup newEventLoop(ThreadFactory threads) {
        if (AhcTransport.nativeTransportAvailable()) {
            try {
                return (EventLoopGroup) Class.forName("io.netty.channel.epoll.EpollEventLoopGroup")
                        .getConstructor(int.class, ThreadFactory.class).newInstance(1, threads);
            } catch (ReflectiveOperationException | LinkageError e) {
                // Fall back to NIO below.
            }
        }
        return new NioEventLoopGroup(1, threads);
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
                .setShutdownQuietPeriod(Duration.ZERO)
                .setShutdownTimeout(Duration.ofSeconds(1))
                // HTTP/1.1 unless asked: AsyncHttpClient would otherwise offer h2 through ALPN.
                .setHttp2Enabled(transport.protocol().http2())
                .setHttp2CleartextEnabled(transport.protocol() == TransportConfig.Protocol.H2C);
        if (transport.protocol().http2()) {
            builder.setHttp2MaxConcurrentStreams(transport.streams());
        }
        if (tls != null) {
            builder.setSslContext(tls);
        }
        return builder.build();
    }

    private static long threadIdOf(EventLoopGroup group) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        group.execute(() -> id.complete(Thread.currentThread().getId()));
        try {
            return id.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting an I/O thread", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("an I/O thread did not start", e);
        }
    }

    @Override
    public int connections() {
        return connectionCount;
    }

    @Override
    public Transport.Call newCall(Transport.Outcome outcome) {
        H2Connection connection = connections == null ? null
                : connections[callsMade++ % connections.length];
        return new AhcCall(client, requests, outcome, this, connection, null);
    }

    @Override
    public Transport.Call newProbe(Transport.Outcome outcome) {
        return new AhcCall(client, requests, outcome, this,
                connections == null ? null : connections[0], negotiation);
    }

    @Override
    public void execute(Runnable task) {
        group.execute(task);
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        group.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public long threadId() {
        return threadId;
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

    void stopEventLoop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
