package io.apitune.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import io.netty.handler.ssl.SslContext;

/**
 * One lane of {@link Http1Transport}: a single-thread Netty event loop (epoll where available,
 * else NIO) and its HTTP/1.1 connections. Idle connections wait in a stack per origin (the most
 * recently used is reused first); a call without one has the lane open a new one. A lane never
 * opens more connections than it has busy calls, and the driver gives it at most
 * {@link #connections()} calls.
 *
 * <p>Thread model: see {@link LaneLoop}.
 */
final class Http1Lane extends LaneLoop {
    private final Http1Requests requests;
    private final SslContext tls;
    private final Map<String, ArrayDeque<Http1Connection>> idle = new HashMap<>();

    Http1Lane(int index, int connectionCount, Http1Requests requests, Duration connectTimeout,
            SslContext tls) {
        super(index, connectionCount, connectTimeout);
        this.requests = requests;
        this.tls = tls;
    }

    @Override
    public Transport.Call newCall(Transport.Outcome outcome) {
        return new Http1Call(this, requests, outcome);
    }

    @Override
    public Transport.Call newProbe(Transport.Outcome outcome) {
        // Over HTTP/1.1 there is nothing to negotiate; the probe's connection is then reused.
        return newCall(outcome);
    }

    /** An idle, open connection to {@code origin}, taken out of the pool; null when none. */
    Http1Connection idle(String origin) {
        ArrayDeque<Http1Connection> stack = idle.get(origin);
        while (stack != null && !stack.isEmpty()) {
            Http1Connection connection = stack.pop();
            if (connection.usable()) {
                return connection;
            }
        }
        return null;
    }

    /** {@code connection}'s answer ended and it may be reused. */
    void release(Http1Connection connection) {
        if (connection.usable()) {
            idle.computeIfAbsent(connection.origin(), o -> new ArrayDeque<>()).push(connection);
        }
    }

    /** {@code connection} closed: it leaves the pool. */
    void forget(Http1Connection connection) {
        ArrayDeque<Http1Connection> stack = idle.get(connection.origin());
        if (stack != null) {
            stack.remove(connection);
        }
    }

    /** Opens a connection to {@code origin} for {@code call}'s send number {@code send}. */
    void connect(String origin, Http1Call call, long send) {
        URI uri = URI.create(origin);
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        Http1Connection connection = new Http1Connection(this, origin, https ? tls : null,
                uri.getHost(), port);
        connect(connection, uri.getHost(), port).addListener(done -> {
            if (done.isSuccess()) {
                call.connected(connection, send);
            } else {
                call.connectFailed(done.cause(), send);
            }
        });
    }
}
