package io.apitune.load;

import java.util.concurrent.atomic.AtomicLongArray;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Hot-path recording of one lane's requests in one phase: OK latency (from the intended send
 * time) and OK service time (from the actual send), KO latency (intended time to the failure),
 * and the generator's own send lag, each into a wait-free {@link SingleWriterRecorder}; counts of
 * OK, KO and KO by {@link ErrorKind} in an array published with ordered stores. No locks, no
 * allocation per request, no contended write: only its lane writes a recorder.
 *
 * <p>Thread model: single writer (the lane's thread); one reader (the generator's sampler
 * thread) takes interval histograms and reads the counters.
 */
public final class LaneRecorder {
    private static final int OK = 0;
    private static final int KO = 1;
    private static final int KINDS = 2;
    private static final int LAST_DONE = KINDS + ErrorKind.values().length;

    private final SingleWriterRecorder okLatency = newRecorder();
    private final SingleWriterRecorder okService = newRecorder();
    private final SingleWriterRecorder failureLatency = newRecorder();
    private final SingleWriterRecorder sendLag = newRecorder();
    /** Actual send minus intended time, slot waits included: is the schedule being kept? */
    private final SingleWriterRecorder scheduleLag = newRecorder();
    /** OK count, KO count, KO by kind, last done time: written by the lane, read by the sampler. */
    private final AtomicLongArray counters = new AtomicLongArray(LAST_DONE + 1);

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(Histograms.LOWEST_DISCERNIBLE_NANOS,
                Histograms.HIGHEST_TRACKABLE_NANOS, Histograms.SIGNIFICANT_DIGITS);
    }

    /** Records a response: OK (2xx, 3xx) with its latency and service time, otherwise KO. */
    public void recordResponse(long intendedNanos, long sentNanos, long doneNanos, int status) {
        ErrorKind kind = ErrorKind.ofStatus(status);
        if (kind == null) {
            okLatency.recordValue(Histograms.clampNanos(doneNanos - intendedNanos));
            okService.recordValue(Histograms.clampNanos(doneNanos - sentNanos));
            increment(OK);
            counters.lazySet(LAST_DONE, doneNanos);
        } else {
            recordFailure(kind, intendedNanos, doneNanos);
        }
    }

    /** Records a KO request: its latency from the intended time to the failure, and its class. */
    public void recordFailure(ErrorKind kind, long intendedNanos, long doneNanos) {
        failureLatency.recordValue(Histograms.clampNanos(doneNanos - intendedNanos));
        increment(KO);
        increment(KINDS + kind.ordinal());
        counters.lazySet(LAST_DONE, doneNanos);
    }

    /**
     * Records how late one request was sent: against the earliest moment it could have been
     * ({@code sendLagNanos}, the generator's own delay) and against its intended time
     * ({@code scheduleLagNanos}, waiting for a connection included).
     */
    public void recordSendLag(long sendLagNanos, long scheduleLagNanos) {
        sendLag.recordValue(Histograms.clampNanos(sendLagNanos));
        scheduleLag.recordValue(Histograms.clampNanos(scheduleLagNanos));
    }

    private void increment(int index) {
        counters.lazySet(index, counters.get(index) + 1);
    }

    /** OK answers recorded so far. */
    public long ok() {
        return counters.get(OK);
    }

    /** KO requests recorded so far. */
    public long ko() {
        return counters.get(KO);
    }

    /** KO requests by class. */
    public ErrorCounts errors() {
        long[] byKind = new long[ErrorKind.values().length];
        for (int i = 0; i < byKind.length; i++) {
            byKind[i] = counters.get(KINDS + i);
        }
        return ErrorCounts.of(byKind);
    }

    /** {@link System#nanoTime()} of the latest recorded outcome, or 0 before the first. */
    public long lastDoneNanos() {
        return counters.get(LAST_DONE);
    }

    /** OK latency since the last call; {@code recycle} may be null. Reader thread only. */
    public Histogram okLatencyInterval(Histogram recycle) {
        return okLatency.getIntervalHistogram(recycle);
    }

    /** OK service time since the last call. Reader thread only. */
    public Histogram okServiceInterval(Histogram recycle) {
        return okService.getIntervalHistogram(recycle);
    }

    /** KO latency since the last call. Reader thread only. */
    public Histogram failureLatencyInterval(Histogram recycle) {
        return failureLatency.getIntervalHistogram(recycle);
    }

    /** Schedule lag (send minus intended time) since the last call. Reader thread only. */
    public Histogram scheduleLagInterval(Histogram recycle) {
        return scheduleLag.getIntervalHistogram(recycle);
    }

    /** Send lag since the last call. Reader thread only. */
    public Histogram sendLagInterval(Histogram recycle) {
        return sendLag.getIntervalHistogram(recycle);
    }
}
