package io.apitune.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.netty.handler.ssl.SslContext;

/**
 * One lane of {@link Http2Transport}: a single-thread Netty event loop (epoll where available,
 * else NIO) and its share of the HTTP/2 connections, as {@link Http2Slot}s: its calls are handed
 * to the slots in turn, so each connection carries at most its share of the streams. A request
 * to another origin than its slot's (a mix across hosts) goes to that slot's connection to that
 * origin, made when first needed.
 *
 * <p>Thread model: see {@link LaneLoop}.
 */
final class Http2Lane extends LaneLoop {
    private final Http2Requests requests;
    private final SslContext tls;
    private final String origin;
    private final Negotiation negotiation;
    /** The slots for the run's own origin, made when first used. */
    private final Http2Slot[] slots;
    /** Slots for other origins: by origin, then by slot index. */
    private final Map<String, Http2Slot[]> elsewhere = new HashMap<>();
    private int callsMade;

    Http2Lane(int index, int connectionCount, Http2Requests requests, String origin,
            Duration connectTimeout, SslContext tls, Negotiation negotiation) {
        super(index, connectionCount, connectTimeout);
        this.requests = requests;
        this.tls = tls;
        this.origin = origin;
        this.negotiation = negotiation;
        this.slots = new Http2Slot[connectionCount];
    }

    @Override
    public Transport.Call newCall(Transport.Outcome outcome) {
        return new Http2Call(this, requests, outcome, callsMade++ % connectionCount, null);
    }

    @Override
    public Transport.Call newProbe(Transport.Outcome outcome) {
        // The probe's connection is the first slot's: the run then reuses it.
        return new Http2Call(this, requests, outcome, 0, negotiation);
    }

    /** Slot {@code index}'s connection to {@code to}. */
    Http2Slot slot(int index, String to) {
        Http2Slot slot = slots[index];
        if (slot != null && (slot.origin() == to || slot.origin().equals(to))) {
            return slot;
        }
        if (slot == null && (origin == null || origin.equals(to))) {
            slots[index] = new Http2Slot(this, to);
            return slots[index];
        }
        Http2Slot[] there = elsewhere.computeIfAbsent(to, k -> new Http2Slot[connectionCount]);
        if (there[index] == null) {
            there[index] = new Http2Slot(this, to);
        }
        return there[index];
    }

    /** A new connection for {@code slot}, not yet opened. */
    Http2Connection newConnection(Http2Slot slot) {
        return new Http2Connection(slot, requests, slot.https() ? tls : null);
    }

    /**
     * Opens {@code connection} for {@code slot}, which then hears when it is up or why it is not
     * (possibly before this method returns).
     */
    void connect(Http2Slot slot, Http2Connection connection) {
        connect(connection, slot.host(), slot.port()).addListener(done -> {
            if (!done.isSuccess()) {
                slot.closed(connection, done.cause());
            }
        });
    }
}
