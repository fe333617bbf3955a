package io.apitune.load;

import java.util.concurrent.Executor;

import org.asynchttpclient.AsyncHttpClient;

/**
 * Issues the requests of one load model. Subclasses decide when to send; this class sends,
 * records measured outcomes and hands failures to a separate thread so that a burst of
 * synchronous failures (a dead target) cannot recurse on an I/O thread.
 *
 * <p>Thread model: {@link #start} is called once by the generator; callbacks arrive on
 * AsyncHttpClient I/O threads and never block; {@link #stop} may be called from any thread.
 */
abstract class Driver implements Exchange.Listener {
    final AsyncHttpClient client;
    final RequestTemplate template;
    final RunRecorder recorder;
    /** Phase index of warm-up traffic in {@link #recorders}. */
    static final int WARMUP = 0;
    /** Phase index of measured traffic in {@link #recorders}. */
    static final int MEASURED = 1;
    /**
     * Recorder per phase: warm-up outcomes go through the same code into a throwaway recorder.
     * The hot path picks by index, never by a branch on the phase: a branch never taken during
     * warm-up is compiled by the JIT as a trap, and taking it at the start of measurement would
     * deoptimise the send/complete path inside the measured window (seen as 2-3 slow seconds).
     */
    private final RunRecorder[] recorders;
    private final Executor failureExecutor;
    volatile boolean stopped;

    Driver(AsyncHttpClient client, RequestTemplate template, RunRecorder recorder,
            Executor failureExecutor) {
        this.client = client;
        this.template = template;
        this.recorder = recorder;
        this.recorders = new RunRecorder[] {new RunRecorder(), recorder};
        this.failureExecutor = failureExecutor;
    }

    /**
     * Starts issuing requests.
     *
     * @param originNanos  {@link System#nanoTime()} at the start of warm-up
     * @param warmupNanos  length of the warm-up; requests intended before it ends are not measured
     */
    abstract void start(long originNanos, long warmupNanos);

    /** Measured requests issued (or queued) so far. */
    abstract long measuredIssued();

    /** True once every measured request has been issued (or queued). */
    abstract boolean issuingDone();

    /** Stops issuing new requests. */
    void stop() {
        stopped = true;
    }

    /** Called after one request completed or failed; the subclass may send the next one. */
    abstract void afterExchange();

    /** Sends one request now; its outcome comes back through {@link Exchange.Listener}. */
    /**
     * {@link #MEASURED} when {@code nanos} is at or after {@code measureStartNanos}, else
     * {@link #WARMUP}; computed without a branch (see {@link #recorders}).
     */
    static int phase(long nanos, long measureStartNanos) {
        return (int) ((measureStartNanos - 1 - nanos) >>> 63);
    }

    /** Sends one request of {@code phase} ({@link #WARMUP} or {@link #MEASURED}) now. */
    final void send(long intendedNanos, int phase) {
        Exchange exchange = new Exchange(intendedNanos, System.nanoTime(), recorders[phase], this);
        try {
            client.executeRequest(template.next(), exchange);
        } catch (RuntimeException e) {
            exchange.onThrowable(e);
        }
    }

    @Override
    public final void completed(Exchange exchange, long doneNanos, int status) {
        exchange.recorder.recordResponse(exchange.intendedNanos, exchange.sentNanos, doneNanos, status);
        afterExchange();
    }

    @Override
    public final void failed(Exchange exchange, long doneNanos, Throwable failure) {
        exchange.recorder.recordFailure(ErrorKind.ofThrowable(failure), doneNanos);
        try {
            failureExecutor.execute(this::afterExchange);
        } catch (RuntimeException rejectedAfterShutdown) {
            // The run is over; nothing more to send.
        }
    }
}
