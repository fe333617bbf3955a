package io.apitune.load;

/**
 * One reusable HTTP/1.1 request slot of an {@link Http1Lane}: it takes an idle connection to its
 * request's origin or has the lane open one, sends, keeps the answer's headers and body only when
 * a check of the request wants them (the body copied into one buffer the slot reuses), and
 * delivers each request's outcome exactly once. A slot's sends are numbered, so a connection that
 * opens after its request was aborted is handed back to the lane instead of sending.
 *
 * <p>Thread model: lane thread only.
 */
final class Http1Call implements Transport.Call {
    private final Http1Lane lane;
    private final Http1Requests requests;
    private final Transport.Outcome outcome;
    private long sends;
    private boolean busy;
    /** The connection carrying the request; null while idle or connecting. */
    private Http1Connection connection;
    private Outgoing pending;
    /** The answer, given its parts by the connection. */
    final KeptAnswer answer = new KeptAnswer();

    Http1Call(Http1Lane lane, Http1Requests requests, Transport.Outcome outcome) {
        this.lane = lane;
        this.requests = requests;
        this.outcome = outcome;
    }

    @Override
    public void send(Outgoing request) {
        busy = true;
        sends++;
        answer.expect(request);
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

    /** The answer ended; its connection was already handed back or closed. */
    void ended() {
        long now = System.nanoTime();
        busy = false;
        connection = null;
        outcome.completed(answer.status(), answer.orNull(), now);
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
}
