package io.apitune.load;

import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;

/**
 * One request in flight: remembers its intended and actual send times, discards the body
 * without buffering it, and reports the outcome exactly once.
 *
 * <p>Thread model: created by the sending thread, then called back by one AsyncHttpClient I/O
 * thread; callbacks never block.
 */
final class Exchange implements AsyncHandler<Void> {
    /** Receives the outcome of each exchange, on an I/O thread; must not block. */
    interface Listener {
        void completed(Exchange exchange, long doneNanos, int status);

        void failed(Exchange exchange, long doneNanos, Throwable failure);
    }

    final long intendedNanos;
    final long sentNanos;
    /** Where the outcome is recorded: the run's recorder, or the warm-up's throwaway one. */
    final RunRecorder recorder;
    private final Listener listener;
    private int status;
    private boolean finished;

    Exchange(long intendedNanos, long sentNanos, RunRecorder recorder, Listener listener) {
        this.intendedNanos = intendedNanos;
        this.sentNanos = sentNanos;
        this.recorder = recorder;
        this.listener = listener;
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
        if (!finished) {
            finished = true;
            listener.completed(this, now, status);
        }
        return null;
    }

    @Override
    public void onThrowable(Throwable failure) {
        long now = System.nanoTime();
        if (!finished) {
            finished = true;
            listener.failed(this, now, failure);
        }
    }
}
