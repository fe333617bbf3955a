package io.apitune.load;

import java.util.concurrent.TimeoutException;

/**
 * One request slot of a {@link Driver}: carries one request at a time (which request of the run
 * it is, its intended and actual send times and the recorder of its phase) and is reused for the
 * next, so nothing is allocated per request for a request without placeholders. Its
 * {@link Transport.Call} sends; the outcome comes back here, is checked and recorded.
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
    /** The request on the wire; swapped with the driver's prepared one at each send. */
    Outgoing outgoing = new Outgoing();
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
    public void completed(int status, Transport.Response response, long doneNanos) {
        if (driver.recording()) {
            int request = outgoing.request;
            ResponseChecks checks = driver.checks(request);
            int verdict = checks.isEmpty() ? ErrorKind.isOk(status) ? ResponseChecks.OK : ResponseChecks.STATUS
                    : checks.verdict(status, response);
            if (verdict == ResponseChecks.OK) {
                recorder.recordOk(request, intendedNanos, sentNanos, doneNanos);
            } else if (verdict == ResponseChecks.STATUS) {
                ErrorKind kind = ErrorKind.ofStatus(status);
                recorder.recordFailure(request, kind == null ? ErrorKind.OTHER : kind, intendedNanos, doneNanos);
            } else {
                recorder.recordCheckFailure(request, verdict, intendedNanos, doneNanos);
            }
        }
        driver.released(this, doneNanos, false);
    }

    @Override
    public void failed(Throwable cause, long doneNanos) {
        // A swept timeout fails at its deadline, not at the sweep that noticed it.
        long failedNanos = cause == SWEPT ? sentNanos + driver.timeoutNanos : doneNanos;
        if (driver.recording()) {
            recorder.recordFailure(outgoing.request, ErrorKind.ofThrowable(cause), intendedNanos, failedNanos);
        }
        driver.released(this, doneNanos, true);
    }
}
