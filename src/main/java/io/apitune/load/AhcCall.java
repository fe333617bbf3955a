package io.apitune.load;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.Http2StreamChannel;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.netty.NettyResponseFuture;
import org.asynchttpclient.netty.channel.Channels;
import org.asynchttpclient.netty.request.NettyRequest;

/**
 * One reusable HTTP/2 request slot on AsyncHttpClient: the same handler object carries request after
 * request, discards the body without buffering it unless a check of the request needs it (then
 * it is copied into one buffer the slot reuses), and delivers each request's outcome exactly
 * once. Reuse is safe because AsyncHttpClient calls a handler last in {@code onCompleted} or
 * {@code onThrowable}, and a cancelled request's future never calls its handler again.
 *
 * <p>A call belongs to one {@link H2Connection} of its lane and may wait there while
 * that connection opens; an abort then ends it without sending. A probe call also tells its
 * {@link Negotiation} what the server answered with.
 *
 * <p>Thread model: lane thread only (sends, callbacks and aborts all run there).
 */
final class AhcCall implements Transport.Call, AsyncHandler<Void> {

    private final AsyncHttpClient client;
    private final AhcRequests requests;
    private final Transport.Outcome outcome;
    private final AhcLane lane;
    /** The HTTP/2 connection this call's requests go to. */
    private final H2Connection connection;
    /** Where a probe reports the negotiation; null for a load call. */
    private final Negotiation negotiation;
    /** Delivers a completed HTTP/2 answer after the codec has closed its stream. */
    private final Runnable deliverTask = this::deliver;
    private ListenableFuture<Void> future;
    /** Over HTTP/2, the stream channel that answers the request in flight, once it answers. */
    private Http2StreamChannel stream;
    private long doneNanos;
    private Throwable abortCause;
    private int status;
    private boolean busy;
    private final KeptAnswer answer = new KeptAnswer();
    /** The request being sent (kept while the call waits for its connection's admission). */
    private Outgoing pending;

    AhcCall(AsyncHttpClient client, AhcRequests requests, Transport.Outcome outcome, AhcLane lane,
            H2Connection connection, Negotiation negotiation) {
        this.client = client;
        this.requests = requests;
        this.outcome = outcome;
        this.lane = lane;
        this.connection = connection;
        this.negotiation = negotiation;
    }

    @Override
    public void send(Outgoing request) {
        busy = true;
        status = 0;
        abortCause = null;
        stream = null;
        answer.expect(request);
        pending = request;
        if (connection.admit(this)) {
            sendNow();
        }
    }

    /** Hands the pending request to the client (now: the connection admitted it). */
    void sendNow() {
        try {
            ListenableFuture<Void> sent = client.executeRequest(requests.request(pending, connection),
                    this);
            if (busy) {
                future = sent;
            }
        } catch (RuntimeException e) {
            onThrowable(e);
        }
    }

    @Override
    public void abort(Throwable cause) {
        if (!busy) {
            return;
        }
        abortCause = cause;
        if (connection.cancel(this)) {
            onThrowable(cause);
            return;
        }
        ListenableFuture<Void> inFlight = future;
        if (inFlight != null) {
            // Resets the stream and calls onThrowable (with a CancellationException).
            inFlight.cancel(true);
        }
        if (busy) {
            onThrowable(cause);
        }
    }

    @Override
    public void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel connected) {
        lane.connectionOpened();
        connection.connected(this, connected);
    }

    @Override
    public void onConnectionPooled(Channel pooled) {
        connection.connected(this, pooled);
    }

    @Override
    public void onRequestSend(NettyRequest request) {
        connection.sent(this);
    }

    @Override
    public State onStatusReceived(HttpResponseStatus responseStatus) {
        status = responseStatus.getStatusCode();
        // The future forgets its channel before it calls onCompleted: take the stream now.
        if (future instanceof NettyResponseFuture<Void> inFlight
                && inFlight.channel() instanceof Http2StreamChannel answering) {
            stream = answering;
        }
        if (negotiation != null) {
            negotiation.answered(responseStatus.getProtocolMajorVersion());
        }
        return State.CONTINUE;
    }

    @Override
    public State onHeadersReceived(HttpHeaders received) {
        answer.headers(received);
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        answer.bodyPart(bodyPart.getBodyByteBuf());
        return State.CONTINUE;
    }

    @Override
    public void onConnectionOffer(Channel offered) {
        if (negotiation != null) {
            negotiation.connectionOffered(offered);
        }
    }

    @Override
    public Void onCompleted() {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            future = null;
            // Netty's HTTP/2 codec counts the stream as active until this callback returns: a
            // request sent from inside it (the driver sends the next at once) would be one stream
            // over the server's limit and be refused. So the answer is delivered as the lane's
            // next task, with its time taken now.
            forgetStream();
            connection.ended(this);
            doneNanos = now;
            lane.execute(deliverTask);
        }
        return null;
    }

    /**
     * Tells AsyncHttpClient that the answered stream's channel has nothing left to handle. Its
     * Http2Handler closes a stream's child channel once the response ended, and when Netty then
     * reports that channel inactive (a task later) it fails the stream's request again: an
     * IOException with its stack trace, built before it sees the request already done, for every
     * answered request. A discarded channel's inactivity is only taken out of the pool.
     */
    private void forgetStream() {
        if (stream != null) {
            Channels.setDiscard(stream);
            stream = null;
        }
    }

    private void deliver() {
        outcome.completed(status, answer.orNull(), doneNanos);
    }

    @Override
    public void onThrowable(Throwable failure) {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            future = null;
            stream = null;
            connection.ended(this);
            outcome.failed(abortCause != null ? abortCause : failure, now);
        }
    }
}
