package io.apitune.load;

import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;

/**
 * One reusable request slot on AsyncHttpClient: the same handler object carries request after
 * request (nothing is allocated here per request), discards the body without buffering it, and
 * delivers each request's outcome exactly once. Reuse is safe because AsyncHttpClient calls a
 * handler last in {@code onCompleted} or {@code onThrowable}, and a cancelled request's future
 * never calls its handler again.
 *
 * <p>Thread model: lane thread only (sends, callbacks and aborts all run there).
 */
final class AhcCall implements Transport.Call, AsyncHandler<Void> {
    private final AsyncHttpClient client;
    private final AhcRequests requests;
    private final Transport.Outcome outcome;
    private ListenableFuture<Void> future;
    private Throwable abortCause;
    private int status;
    private boolean busy;

    AhcCall(AsyncHttpClient client, AhcRequests requests, Transport.Outcome outcome) {
        this.client = client;
        this.requests = requests;
        this.outcome = outcome;
    }

    @Override
    public void send() {
        busy = true;
        status = 0;
        abortCause = null;
        try {
            ListenableFuture<Void> sent = client.executeRequest(requests.next(), this);
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
    public State onHeadersReceived(HttpHeaders headers) {
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        return State.CONTINUE;
    }

    @Override
    public Void onCompleted() {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            future = null;
            outcome.completed(status, now);
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
}
