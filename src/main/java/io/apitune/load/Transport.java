package io.apitune.load;

import java.util.List;

/**
 * The transport seam: everything the load drivers need from an HTTP client, and nothing more.
 * A driver asks a {@link Call} to send an {@link Outgoing} request (one of the run's
 * {@link RequestTemplate} requests, rendered when it has placeholders) and is told once, through
 * its {@link Outcome}, that the request completed (status, the headers and body a check asked
 * for, done time) or failed (cause, done time). Drivers, recorders and schedules see only this
 * interface; the client behind it ({@link Http1Transport}: Netty over HTTP/1.1;
 * {@link Http2Transport}: Netty's HTTP/2 codec over h2c or h2) owns its own configuration.
 *
 * <p>A transport is split into {@link Lane}s. A lane is one I/O thread with its own connections:
 * every callback of a lane's calls, and every task given to {@link Lane#execute} or
 * {@link Lane#schedule}, runs on that one thread, so a driver's per-lane state needs no locks and
 * a send never crosses threads (wrk's design: each thread owns its event loop and connections).
 *
 * <p>HTTP/2 fits behind the same seam: one connection then carries
 * {@link #streamsPerConnection()} requests at once, and {@link #protocol()} names what was
 * negotiated (ALPN or prior knowledge). A lane's calls are spread over its
 * {@link Lane#connections()}, each opened once when first needed (not once per waiting call)
 * and again after it closed or received GOAWAY; a probe call ({@link Lane#newProbe}) learns what
 * the server answered with, and its connection is then the run's. An HTTP/2 call's outcome comes
 * after its stream is closed, so a request sent from inside it fits the server's stream limit.
 *
 * <p>Thread model: {@link #lanes()}, {@link #protocol()}, {@link #streamsPerConnection()} and
 * {@link #connectionsOpened()} may be called from any thread; {@link #close()} once, from any
 * thread but a lane's, after the drivers have stopped.
 */
public interface Transport extends AutoCloseable {
    /**
     * The protocol on the wire: {@code http/1.1}, {@code h2c} or {@code h2}; what the server
     * answered the probe with once it has, the configured protocol before.
     */
    String protocol();

    /**
     * Requests one connection may carry at once: 1 for HTTP/1.1 (no pipelining); for HTTP/2 the
     * streams asked for, lowered to the server's concurrent-stream limit once the probe has
     * seen it. A driver keeps at most {@link Lane#connections()} times this many requests in
     * flight on a lane.
     */
    int streamsPerConnection();

    /** TCP connections made so far (probe, warm-up and measurement; reconnections count). */
    default long connectionsOpened() {
        return lanes().stream().mapToLong(Lane::connectionsOpened).sum();
    }

    /** The lanes, fixed at construction; at least one. */
    List<Lane> lanes();

    /** Closes connections and stops the lanes' threads; outcomes not yet delivered are dropped. */
    @Override
    void close();

    /** One I/O thread and its connections. */
    interface Lane {
        /** Connections this lane opens at most (its share of the run's). */
        int connections();

        /**
         * A reusable request slot of this lane: it carries one request at a time, and its outcomes
         * go to {@code outcome} on this lane's thread.
         */
        Call newCall(Outcome outcome);

        /**
         * A call for the reachability probe: as {@link #newCall}, and its answer sets what
         * {@link Transport#protocol()} and {@link Transport#streamsPerConnection()} report.
         */
        Call newProbe(Outcome outcome);

        /** Runs {@code task} on this lane's thread, later (never inline). */
        void execute(Runnable task);

        /** Runs {@code task} on this lane's thread after {@code delayNanos} (0 = as soon as possible). */
        void schedule(Runnable task, long delayNanos);

        /** The id of this lane's thread, for CPU accounting. */
        long threadId();

        /** TCP connections this lane has made so far. Any thread. */
        long connectionsOpened();
    }

    /** A request slot. Lane thread only. */
    interface Call {
        /**
         * Sends {@code request} now. The call must be idle (its previous outcome delivered). Exactly
         * one outcome follows, normally later on the lane thread; a failure detected while
         * sending (the client is closed) may be delivered before this method returns. The
         * headers and body of the answer are kept only when the request
         * {@link Outgoing#wantsHeaders wants} them.
         */
        void send(Outgoing request);

        /**
         * Ends the request in flight now: over HTTP/1.1 its connection closes, over HTTP/2 its
         * stream is reset (RST_STREAM CANCEL) and the connection carries on. {@link Outcome#failed}
         * follows with {@code cause} unless the outcome was already delivered. No effect when
         * idle.
         */
        void abort(Throwable cause);
    }

    /** Where a call's outcome goes; called on the lane thread; must not block. */
    interface Outcome {
        /**
         * A response arrived in full; {@code doneNanos} is {@link System#nanoTime()} at its end.
         * {@code response} holds what the request wanted kept, and is valid only during this
         * call; null when it wanted nothing.
         */
        void completed(int status, Response response, long doneNanos);

        /** No response: connect error, reset, timeout, abort. */
        void failed(Throwable cause, long doneNanos);
    }

    /**
     * The parts of an answer a check reads: only those the request wanted are kept. Valid during
     * {@link Outcome#completed} only.
     */
    interface Response {
        /** The first value of header {@code name} (case-insensitive), or null. */
        String header(String name);

        /** The body's bytes, {@link #bodyLength()} of them; empty when not kept. */
        byte[] body();

        int bodyLength();

        /** True when the body was longer than the transport keeps ({@value #MAX_BODY_BYTES} bytes). */
        boolean bodyTruncated();

        /** The longest body kept for a check: 4 MiB. */
        int MAX_BODY_BYTES = 4 << 20;
    }
}
