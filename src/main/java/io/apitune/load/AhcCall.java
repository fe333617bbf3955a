package io.apitune.load;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;

/**
 * One reusable request slot on AsyncHttpClient: the same handler object carries request after
 * request, discards the body without buffering it unless a check of the request needs it (then
 * it is copied into one buffer the slot reuses), and delivers each request's outcome exactly
 * once. Reuse is safe because AsyncHttpClient calls a handler last in {@code onCompleted} or
 * {@code onThrowable}, and a cancelled request's future never calls its handler again.
 *
 * <p>Thread model: lane thread only (sends, callbacks and aborts all run there).
 */
final class AhcCall implements Transport.Call, Transport.Response, AsyncHandler<Void> {
    private static final byte[] NONE = new byte[0];

    private final AsyncHttpClient client;
    private final AhcRequests requests;
    private final Transport.Outcome outcome;
    private ListenableFuture<Void> future;
    private Throwable abortCause;
    private int status;
    private boolean busy;
    private boolean keepHeaders;
    private boolean keepBody;
    private HttpHeaders headers;
    private byte[] body = NONE;
    private int bodyLength;
    private boolean truncated;

    AhcCall(AsyncHttpClient client, AhcRequests requests, Transport.Outcome outcome) {
        this.client = client;
        this.requests = requests;
        this.outcome = outcome;
    }

    @Override
    public void send(Outgoing request) {
        busy = true;
        status = 0;
        abortCause = null;
        keepHeaders = request.wantsHeaders;
        keepBody = request.wantsBody;
        headers = null;
        bodyLength = 0;
        truncated = false;
        try {
            ListenableFuture<Void> sent = client.executeRequest(requests.request(request), this);
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
        ListenableFuture<Void> inFlight = future;
        if (inFlight != null) {
            // Closes the connection and calls onThrowable (with a CancellationException).
            inFlight.cancel(true);
        }
        if (busy) {
            onThrowable(cause);
        }
    }

    @Override
    public State onStatusReceived(HttpResponseStatus responseStatus) {
        status = responseStatus.getStatusCode();
        return State.CONTINUE;
    }

    @Override
    public State onHeadersReceived(HttpHeaders received) {
        if (keepHeaders) {
            headers = received;
        }
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        if (keepBody && !truncated) {
            ByteBuf part = bodyPart.getBodyByteBuf();
            int n = part.readableBytes();
            if (bodyLength + n > Transport.Response.MAX_BODY_BYTES) {
                truncated = true;
            } else {
                if (bodyLength + n > body.length) {
                    body = java.util.Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(1024, body.length * 2)));
                }
                part.getBytes(part.readerIndex(), body, bodyLength, n);
                bodyLength += n;
            }
        }
        return State.CONTINUE;
    }

    @Override
    public Void onCompleted() {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            future = null;
            outcome.completed(status, keepHeaders || keepBody ? this : null, now);
        }
        return null;
    }

    @Override
    public void onThrowable(Throwable failure) {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            future = null;
            outcome.failed(abortCause != null ? abortCause : failure, now);
        }
    }

    @Override
    public String header(String name) {
        return headers == null ? null : headers.get(name);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public int bodyLength() {
        return bodyLength;
    }

    @Override
    public boolean bodyTruncated() {
        return truncated;
    }
}
