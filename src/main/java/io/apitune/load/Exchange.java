package io.apitune.load;

import java.util.concurrent.TimeoutException;

/**
 * One request slot of a {@link Driver}: carries one request at a time (its intended and actual
 * send times and the recorder of its phase) and is reused for the next, so nothing is allocated
 * per request. Its {@link Transport.Call} sends; the outcome comes back here and is recorded.
 *
 * <p>Thread model: lane thread only.
 */
final class Exchange implements Transport.Outcome {
    /** The cause given to requests the driver's sweeper times out; shared, without a stack. */
    static final TimeoutException SWEPT = new TimeoutException("no response within the timeout") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    final int index;
    private final Driver driver;
    Transport.Call call;
    long intendedNanos;
    long sentNanos;
    /** {@link System#nanoTime()} when this slot last became free (0 = never used). */
    long freedNanos;
    LaneRecorder recorder;
    boolean busy;

    Exchange(int index, Driver driver) {
        this.index = index;
        this.driver = driver;
    }

    @Override
    public void completed(int status, long doneNanos) {
        if (driver.recording()) {
            recorder.recordResponse(intendedNanos, sentNanos, doneNanos, status);
        }
        driver.released(this, doneNanos, false);
    }

    @Override
    public void failed(Throwable cause, long doneNanos) {
        // A swept timeout fails at its deadline, not at the sweep that noticed it.
        long failedNanos = cause == SWEPT ? sentNanos + driver.timeoutNanos : doneNanos;
        if (driver.recording()) {
            recorder.recordFailure(ErrorKind.ofThrowable(cause), intendedNanos, failedNanos);
        }
        driver.released(this, doneNanos, true);
    }
}
