package io.apitune.load;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * One reusable HTTP/1.1 request slot of an {@link Http1Lane}: it takes an idle connection to its
 * request's origin or has the lane open one, sends, keeps the answer's headers and body only when
 * a check of the request wants them (the body copied into one buffer the slot reuses), and
 * delivers each request's outcome exactly once. A slot's sends are numbered, so a connection that
 * opens after its request was aborted is handed back to the lane instead of sending.
 *
 * <p>Thread model: lane thread only.
 */
final class Http1Call implements Transport.Call, Transport.Response {
    private static final byte[] NONE = new byte[0];

    private final Http1Lane lane;
    private final Http1Requests requests;
    private final Transport.Outcome outcome;
    private long sends;
    private boolean busy;
    /** The connection carrying the request; null while idle or connecting. */
    private Http1Connection connection;
    private Outgoing pending;
    private int status;
    private boolean keepHeaders;
    private boolean keepBody;
    private HttpHeaders headers;
    private byte[] body = NONE;
    private int bodyLength;
    private boolean truncated;

    Http1Call(Http1Lane lane, Http1Requests requests, Transport.Outcome outcome) {
        this.lane = lane;
        this.requests = requests;
        this.outcome = outcome;
    }

    @Override
    public void send(Outgoing request) {
        busy = true;
        sends++;
        status = 0;
        keepHeaders = request.wantsHeaders;
        keepBody = request.wantsBody;
        headers = null;
        bodyLength = 0;
        truncated = false;
        pending = request;
        String origin = requests.origin(request);
        Http1Connection idle = lane.idle(origin);
        if (idle != null) {
            start(idle);
        } else {
            lane.connect(origin, this, sends);
        }
    }

    /** The lane opened a connection for send number {@code send}. */
    void connected(Http1Connection opened, long send) {
        if (busy && send == sends) {
            start(opened);
        } else {
            lane.release(opened);
        }
    }

    /** The lane could not open a connection for send number {@code send}. */
    void connectFailed(Throwable cause, long send) {
        if (busy && send == sends) {
            failed(cause);
        }
    }

    private void start(Http1Connection on) {
        connection = on;
        on.start(this, requests.bytes(pending, on.alloc()), requests.closes(pending),
                requests.head(pending));
    }

    @Override
    public void abort(Throwable cause) {
        if (busy) {
            if (connection != null) {
                connection.abandon();
            }
            failed(cause);
        }
    }

    /** The answer's status line and headers arrived. */
    void answered(int code, HttpHeaders received) {
        status = code;
        if (keepHeaders) {
            headers = received;
        }
    }

    /** A part of the answer's body arrived (valid during this call only). */
    void bodyPart(ByteBuf part) {
        int n = part.readableBytes();
        if (!keepBody || truncated || n == 0) {
            return;
        }
        if (bodyLength + n > Transport.Response.MAX_BODY_BYTES) {
            truncated = true;
            return;
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(1024, body.length * 2)));
        }
        part.getBytes(part.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    /** The answer ended; its connection was already handed back or closed. */
    void ended() {
        long now = System.nanoTime();
        busy = false;
        connection = null;
        outcome.completed(status, keepHeaders || keepBody ? this : null, now);
    }

    /** No answer: connect error, reset, TLS failure, abort. */
    void failed(Throwable cause) {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            connection = null;
            outcome.failed(cause, now);
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
