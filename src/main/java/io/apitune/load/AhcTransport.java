package io.apitune.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Dsl;
import org.asynchttpclient.channel.KeepAliveStrategy;

/**
 * The {@link Transport} on AsyncHttpClient, HTTP/1.1. The one client configuration apitune
 * measures with: no silent retries, no cookie store, keep-alive, no automatic decompression,
 * response bodies discarded without buffering, Netty's native epoll transport where available.
 *
 * <p>Each lane is one AsyncHttpClient on its own single-thread Netty event loop, so a lane's
 * connections, sends and callbacks all stay on that thread: a send never wakes another thread.
 * The client runs without connection limit and without its own request and read timeouts: the
 * driver caps requests in flight per lane and sweeps timeouts itself, once per sweep for every
 * request, instead of AsyncHttpClient's two timer tasks per request on a shared timer thread
 * (which would also deliver timeouts on that thread, off the lane). The connect timeout stays
 * Netty's own (on the lane's event loop).
 *
 * <p>Thread model: see {@link Transport}. Construction and {@link #close()} on a non-lane thread.
 */
public final class AhcTransport implements Transport {
    private static final String PROTOCOL = "http/1.1";
    private static final long START_TIMEOUT_SECONDS = 10;

    private final HashedWheelTimer timer;
    private final List<AhcLane> lanes = new ArrayList<>();

    /**
     * @param template       what to send
     * @param laneCount      lanes (I/O threads), >= 1
     * @param connectTimeout connect timeout, > 0
     */
    public AhcTransport(RequestTemplate template, int laneCount, Duration connectTimeout) {
        if (laneCount < 1) {
            throw new IllegalArgumentException("laneCount must be at least 1: " + laneCount);
        }
        // The pool's idle-connection check is the only user of the timer: one for every lane.
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("apitune-timer", true),
                100, TimeUnit.MILLISECONDS);
        AhcRequests requests = new AhcRequests(template);
        KeepAliveStrategy keepAlive = ResponseKeepAlive.of(template);
        try {
            for (int i = 0; i < laneCount; i++) {
                lanes.add(new AhcLane(i, requests, connectTimeout, timer, keepAlive));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public String protocol() {
        return PROTOCOL;
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

    /** True when Netty's epoll transport can be loaded on this machine. */
    public static boolean nativeTransportAvailable() {
        try {
            // Reflection: the epoll classes are a runtime dependency only.
            Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
            return (Boolean) epoll.getMethod("isAvailable").invoke(null);
        } catch (ReflectiveOperationException | LinkageError notOnThisPlatform) {
            return false;
        }
    }

    /** One lane: a single-thread event loop and the client that uses only it. */
    static final class AhcLane implements Lane {
        private final EventLoopGroup group;
        private final AsyncHttpClient client;
        private final AhcRequests requests;
        private final long threadId;

        AhcLane(int index, AhcRequests requests, Duration connectTimeout, HashedWheelTimer timer,
                KeepAliveStrategy keepAlive) {
            this.requests = requests;
            this.group = newEventLoop(new DefaultThreadFactory("apitune-io-" + index, true));
            this.client = Dsl.asyncHttpClient(config(group, timer, connectTimeout, keepAlive));
            this.threadId = threadIdOf(group);
        }

        /**
         * One event-loop thread: epoll where available, else NIO. AsyncHttpClient recognises the
         * transport of a given group by these (deprecated in Netty 4.2) classes.
         */
        @SuppressWarnings("deprecation")
        private static EventLoopGroup newEventLoop(ThreadFactory threads) {
            if (nativeTransportAvailable()) {
                try {
                    return (EventLoopGroup) Class.forName("io.netty.channel.epoll.EpollEventLoopGroup")
                            .getConstructor(int.class, ThreadFactory.class).newInstance(1, threads);
                } catch (ReflectiveOperationException | LinkageError e) {
                    // Fall back to NIO below.
                }
            }
            return new NioEventLoopGroup(1, threads);
        }

        private static DefaultAsyncHttpClientConfig config(EventLoopGroup group,
                HashedWheelTimer timer, Duration connectTimeout, KeepAliveStrategy keepAlive) {
            Duration none = Duration.ofMillis(-1);
            return Dsl.config()
                    .setEventLoopGroup(group)
                    .setNettyTimer(timer)
                    .setMaxRequestRetry(0)
                    .setKeepAlive(true)
                    .setKeepAliveStrategy(keepAlive)
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
                    .setUseInsecureTrustManager(true)
                    .setTcpNoDelay(true)
                    .setShutdownQuietPeriod(Duration.ZERO)
                    .setShutdownTimeout(Duration.ofSeconds(1))
                    .build();
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
        public Call newCall(Outcome outcome) {
            return new AhcCall(client, requests, outcome);
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
}
