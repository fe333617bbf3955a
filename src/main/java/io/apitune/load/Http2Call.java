package io.apitune.load;

/**
 * One reusable HTTP/2 request slot of an {@link Http2Lane}: each request is one stream on its
 * {@link Http2Slot}'s connection (waiting in the slot while that connection opens or while every
 * stream the server allows is busy). It keeps the answer's headers and body only when a check of
 * the request wants them (the body copied into one buffer the slot reuses), and delivers each
 * request's outcome exactly once: when the codec closes the stream, or at an abort, which resets
 * the stream (RST_STREAM CANCEL) and leaves the connection to the other streams. A probe call
 * also tells its {@link Negotiation} what the server allows.
 *
 * <p>Thread model: lane thread only.
 */
final class Http2Call implements Transport.Call {
    private final Http2Lane lane;
    private final Http2Requests requests;
    private final Transport.Outcome outcome;
    /** Which of the lane's connections this call's requests go to. */
    private final int slotIndex;
    /** Where a probe reports the negotiation; null for a load call. */
    private final Negotiation negotiation;
    /** The answer, given its parts by the connection. */
    final KeptAnswer answer = new KeptAnswer();
    private boolean busy;
    private Outgoing pending;
    private Http2Slot slot;
    /** The connection and stream carrying the request once started; null while waiting. */
    private Http2Connection connection;
    private int streamId;
    /** The final answer ended (END_STREAM read). */
    private boolean complete;
    /** Why the stream failed, when the server or the codec said so. */
    private Throwable reset;

    Http2Call(Http2Lane lane, Http2Requests requests, Transport.Outcome outcome, int slotIndex,
            Negotiation negotiation) {
        this.lane = lane;
        this.requests = requests;
        this.outcome = outcome;
        this.slotIndex = slotIndex;
        this.negotiation = negotiation;
    }

    @Override
    public void send(Outgoing request) {
        busy = true;
        pending = request;
        connection = null;
        streamId = 0;
        complete = false;
        reset = null;
        answer.expect(request);
        slot = lane.slot(slotIndex, requests.origin(request));
        slot.submit(this);
    }

    /** The request to send (valid while busy). */
    Outgoing pending() {
        return pending;
    }

    /** The request went out as stream {@code id} of {@code on}. */
    void started(Http2Connection on, int id) {
        connection = on;
        streamId = id;
    }

    @Override
    public void abort(Throwable cause) {
        if (!busy) {
            return;
        }
        if (connection != null) {
            connection.cancel(streamId);
        } else {
            slot.remove(this);
        }
        failed(cause);
    }

    /** The answer ended; its outcome follows when the codec closes the stream. */
    void complete() {
        complete = answer.status() != 0;
    }

    /** The stream failed: the server reset it, or the codec found it malformed. */
    void cause(Throwable why) {
        if (reset == null) {
            reset = why;
        }
    }

    /** The codec closed the stream (no longer counted as active): the outcome goes now. */
    void closed(Http2Connection on) {
        if (!busy) {
            return;
        }
        if (complete) {
            long now = System.nanoTime();
            busy = false;
            connection = null;
            if (negotiation != null) {
                negotiation.answered(on.streamLimit());
            }
            outcome.completed(answer.status(), answer.orNull(), now);
        } else {
            failed(reset != null ? reset : on.why());
        }
    }

    /** No answer: connect error, reset, TLS failure, not HTTP/2, abort. */
    void failed(Throwable cause) {
        long now = System.nanoTime();
        if (busy) {
            busy = false;
            connection = null;
            outcome.failed(cause, now);
        }
    }
}
