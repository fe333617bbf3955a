package io.apitune.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * A small loopback HTTP server for load-generator tests: answers every request after a fixed
 * delay (0 = at once) with a configurable status, counts requests, and can stall: every request
 * that arrives while a stall is active is answered when the stall ends.
 *
 * <p>Thread model: Vert.x event loop; counters are atomic; timers never block.
 */
public final class TestServer implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final long delayMillis;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong http2Requests = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile int status = 200;
    private volatile long stallAfterFirstMillis = -1;
    private volatile long stallMillis;
    private volatile long firstRequestNanos;
    private volatile int hangEvery;
    private volatile int hangPhase;
    private volatile long earlyMillis = -1;
    private volatile int earlyStatus;
    private volatile long earlyDelayMillis;

    private TestServer(long delayMillis, HttpServerOptions options) throws Exception {
        this.delayMillis = delayMillis;
        this.server = vertx.createHttpServer(options).requestHandler(this::handle)
                .connectionHandler(connection -> connections.incrementAndGet())
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    /**
     * Starts a server answering after {@code delayMillis}: HTTP/1.1 and h2c (prior knowledge
     * and upgrade), Vert.x's default of 100 concurrent streams per connection.
     */
    public static TestServer start(long delayMillis) throws Exception {
        return new TestServer(delayMillis, new HttpServerOptions());
    }

    /** Starts a server answering after {@code delayMillis}, with {@code options}. */
    public static TestServer start(long delayMillis, HttpServerOptions options) throws Exception {
        return new TestServer(delayMillis, options);
    }

    /** Holds every request arriving in [first + after, first + after + length) until its end. */
    public TestServer stall(long afterFirstRequestMillis, long lengthMillis) {
        this.stallAfterFirstMillis = afterFirstRequestMillis;
        this.stallMillis = lengthMillis;
        return this;
    }

    /** Never answers every {@code n}-th request (the 1st, the n+1-th, …), so clients time out. */
    public TestServer hangEvery(int n) {
        return hangEvery(n, 0);
    }

    /**
     * Never answers the requests whose arrival index (from 0) is {@code phase} modulo {@code n}:
     * {@code hangEvery(2, 1)} answers a client's reachability probe (the first request), then
     * every second one.
     */
    public TestServer hangEvery(int n, int phase) {
        this.hangEvery = n;
        this.hangPhase = phase;
        return this;
    }

    /**
     * Requests arriving within {@code millis} of the first one get {@code status} after
     * {@code delayMillis}: tells warm-up traffic apart from measured traffic.
     */
    public TestServer earlyAnswer(long millis, int status, long delayMillis) {
        this.earlyStatus = status;
        this.earlyDelayMillis = delayMillis;
        this.earlyMillis = millis;
        return this;
    }

    /** Answers with this status from now on. */
    public TestServer status(int value) {
        this.status = value;
        return this;
    }

    private void handle(HttpServerRequest request) {
        long now = System.nanoTime();
        long index = requests.getAndIncrement();
        if (index == 0) {
            firstRequestNanos = now;
        }
        if (hangEvery > 0 && index % hangEvery == hangPhase) {
            return;
        }
        if (earlyMillis >= 0 && TimeUnit.NANOSECONDS.toMillis(now - firstRequestNanos) < earlyMillis) {
            int early = earlyStatus;
            vertx.setTimer(Math.max(1, earlyDelayMillis), id -> respond(request, early));
            return;
        }
        long wait = delayMillis;
        if (stallAfterFirstMillis >= 0) {
            long sinceFirst = TimeUnit.NANOSECONDS.toMillis(now - firstRequestNanos);
            long stallEnd = stallAfterFirstMillis + stallMillis;
            if (sinceFirst >= stallAfterFirstMillis && sinceFirst < stallEnd) {
                wait = Math.max(wait, stallEnd - sinceFirst);
            }
        }
        int answer = status;
        if (wait <= 0) {
            respond(request, answer);
        } else {
            vertx.setTimer(wait, id -> respond(request, answer));
        }
    }

    private void respond(HttpServerRequest request, int code) {
        if (request.version() == HttpVersion.HTTP_2) {
            http2Requests.incrementAndGet();
        }
        request.response().setStatusCode(code).putHeader("content-type", "application/json")
                .end("{\"ok\":true}");
    }

    public int port() {
        return server.actualPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Requests received so far. */
    public long requests() {
        return requests.get();
    }

    /** Requests answered over HTTP/2 so far. */
    public long http2Requests() {
        return http2Requests.get();
    }

    /** Connections accepted so far. */
    public long connections() {
        return connections.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
