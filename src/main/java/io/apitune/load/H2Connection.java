package io.apitune.load;

import java.util.ArrayDeque;

import io.netty.channel.Channel;
import org.asynchttpclient.Request;
import org.asynchttpclient.channel.ChannelPoolPartitioning;
import org.asynchttpclient.netty.channel.Http2ConnectionState;
import org.asynchttpclient.proxy.ProxyServer;
import org.asynchttpclient.uri.Uri;

/**
 * One HTTP/2 connection of a lane, as the lane's calls share it: its AsyncHttpClient pool key
 * (this object), and a gate that lets one request open the connection while the others wait.
 *
 * <p>Why the gate: AsyncHttpClient keeps one multiplexed connection per pool key, but registers
 * it only once its TCP (and TLS) handshake is done; every request sent before that opens a
 * connection of its own, and all but the first close again after one request. A closed-model
 * start with 64 streams would open 64 connections for one. So the first request of a closed
 * connection is its opener; the calls that come while it connects wait here and are sent once
 * the opener's stream is open (the connection is then registered), or the next one becomes the
 * opener if it failed. A connection that closes or drains (GOAWAY) is opened again the same way.
 *
 * <p>Thread model: lane thread only (sends, callbacks, the close listener of a channel of the
 * lane's event loop). The pool key's method is called by AsyncHttpClient on the same thread.
 */
final class H2Connection implements ChannelPoolPartitioning {
    private final Transport.Lane lane;
    private final boolean sameOrigin;
    /** The constant requests of the run built for this connection, by compiled-request index. */
    private final Request[] prebuilt;
    private final ArrayDeque<AhcCall> waiting = new ArrayDeque<>();
    private final Runnable flushTask = this::flush;
    /** The open (registered) connection, or null. */
    private Channel channel;
    private Http2ConnectionState state;
    /** The call whose request opens the connection, or null. */
    private AhcCall opener;
    /** The TCP connection the opener's request made, before its stream is open. */
    private Channel connecting;

    /** @param requests builds this connection's requests (they name it as their pool key) */
    H2Connection(Transport.Lane lane, AhcRequests requests, boolean sameOrigin) {
        this.lane = lane;
        this.sameOrigin = sameOrigin;
        this.prebuilt = requests.prebuiltOn(this);
    }

    /** This connection; per origin when keys change the host (a connection has one origin). */
    @Override
    public Object getPartitionKey(Uri uri, String virtualHost, ProxyServer proxyServer) {
        return sameOrigin ? this : new PerOrigin(this, uri.getBaseUrl());
    }

    private record PerOrigin(H2Connection connection, String origin) {
    }

    /** The prebuilt request of constant compiled request {@code index} on this connection. */
    Request prebuilt(int index) {
        return prebuilt[index];
    }

    /**
     * Whether {@code call} may send now: yes on an open connection, and for the opener of a
     * closed one; otherwise it waits and is sent by {@link AhcCall#sendNow()} later.
     */
    boolean admit(AhcCall call) {
        if (usable()) {
            return true;
        }
        if (opener == null) {
            opener = call;
            connecting = null;
            return true;
        }
        waiting.add(call);
        return false;
    }

    /**
     * {@code call}'s request got a connection: a new one (TCP connect) or one AsyncHttpClient
     * already had. Only the opener's counts.
     */
    void connected(AhcCall call, Channel made) {
        if (call == opener) {
            connecting = made;
        }
    }

    /** {@code call}'s request is on the wire: for the opener, the connection is now usable. */
    void sent(AhcCall call) {
        if (call != opener || connecting == null) {
            return;
        }
        Http2ConnectionState h2 = connecting.attr(Http2ConnectionState.HTTP2_STATE_KEY).get();
        opener = null;
        if (h2 == null) {
            // The server did not speak HTTP/2 (ALPN chose http/1.1): nothing to share; the calls
            // waiting go to AsyncHttpClient's HTTP/1.1 pool (the run is refused at the probe).
            lane.execute(flushTask);
            return;
        }
        Channel opened = connecting;
        channel = opened;
        state = h2;
        opened.closeFuture().addListener(f -> closed(opened));
        lane.execute(flushTask);
    }

    /**
     * {@code call} ended (answered or failed); an opener that ended before its stream opened
     * hands over to the first waiting call, later on the lane (never inline: against a dead
     * target each send fails at once, and handing over inline would recurse).
     */
    void ended(AhcCall call) {
        if (call == opener) {
            opener = null;
            if (!waiting.isEmpty()) {
                lane.execute(flushTask);
            }
        }
    }

    /** Removes a waiting call (aborted before it was sent); false when it was not waiting. */
    boolean cancel(AhcCall call) {
        return waiting.remove(call);
    }

    private void closed(Channel which) {
        if (which == channel) {
            channel = null;
            state = null;
        }
    }

    /**
     * Sends the waiting calls: all of them on an open connection; on a closed one the first
     * becomes the opener and the rest wait on.
     */
    private void flush() {
        while (!waiting.isEmpty() && (opener == null || usable())) {
            AhcCall next = waiting.poll();
            admit(next);
            next.sendNow();
        }
    }

    /** True while the registered connection is open and not draining (no GOAWAY received). */
    private boolean usable() {
        if (channel != null && channel.isActive() && !state.isDraining()) {
            return true;
        }
        channel = null;
        state = null;
        return false;
    }
}
