package io.apitune.load;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a lane's HTTP/2 connections as its calls see it over time: the connection now taking
 * streams, opened lazily by the first call and once only (the calls that come while it opens
 * wait here, as do calls over the server's stream limit), and opened again for the next calls
 * when it closes, receives GOAWAY or runs out of stream ids. One origin per slot.
 *
 * <p>Thread model: its lane's thread only.
 */
final class Http2Slot {
    private final Http2Lane lane;
    private final String origin;
    private final String host;
    private final int port;
    private final boolean https;
    private final ArrayDeque<Http2Call> waiting = new ArrayDeque<>();
    /** The connection taking streams, or null. */
    private Http2Connection current;
    /** The connection being opened (TCP, TLS, ALPN), or null. */
    private Http2Connection opening;

    Http2Slot(Http2Lane lane, String origin) {
        this.lane = lane;
        this.origin = origin;
        URI uri = URI.create(origin);
        this.https = "https".equals(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    }

    String origin() {
        return origin;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean https() {
        return https;
    }

    /** Sends {@code call}'s pending request now when a stream is free, else once one is. */
    void submit(Http2Call call) {
        if (current != null && current.acceptsStreams() && current.start(call, call.pending())) {
            return;
        }
        waiting.add(call);
        if (current == null || !current.open()) {
            openIfNeeded();
        }
    }

    /** Takes a waiting call out (it was aborted); false when it was not waiting. */
    boolean remove(Http2Call call) {
        return waiting.remove(call);
    }

    /** {@code connection} is up (preface sent): it takes the waiting calls. */
    void ready(Http2Connection connection) {
        if (connection == opening) {
            opening = null;
            current = connection;
            drain();
        }
    }

    /** A stream of {@code connection} closed: a waiting call may take its place. */
    void streamFreed(Http2Connection connection) {
        if (connection == current && !waiting.isEmpty()) {
            drain();
        }
    }

    /** {@code connection} takes no new streams (GOAWAY): the next calls go to a new one. */
    void draining(Http2Connection connection) {
        if (connection == current) {
            current = null;
            if (!waiting.isEmpty()) {
                openIfNeeded();
            }
        }
    }

    /**
     * {@code connection} closed, or could not be opened ({@code cause}): the calls waiting for
     * an opening connection fail with that cause; a closed open connection is replaced when
     * calls wait.
     */
    void closed(Http2Connection connection, Throwable cause) {
        if (connection == opening) {
            opening = null;
            List<Http2Call> failed = new ArrayList<>(waiting);
            waiting.clear();
            for (Http2Call call : failed) {
                call.failed(cause);
            }
        } else if (connection == current) {
            current = null;
            if (!waiting.isEmpty()) {
                openIfNeeded();
            }
        }
    }

    private void drain() {
        while (!waiting.isEmpty() && current != null && current.acceptsStreams()) {
            Http2Call next = waiting.poll();
            if (!current.start(next, next.pending())) {
                waiting.addFirst(next);
                break;
            }
        }
        if (!waiting.isEmpty() && (current == null || !current.open())) {
            openIfNeeded();
        }
    }

    private void openIfNeeded() {
        if (opening == null) {
            // Set before connecting: the connection may report back before connect returns.
            opening = lane.newConnection(this);
            lane.connect(this, opening);
        }
    }
}
