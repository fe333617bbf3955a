package io.apitune.load;

import java.util.concurrent.atomic.AtomicLongArray;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Hot-path recording of one lane's requests in one phase, per request of the run (one for a
 * single-request run, one per name of a mix): OK latency (from the intended send time) and OK
 * service time (from the actual send), KO latency (intended time to the failure), each into a
 * wait-free {@link SingleWriterRecorder}; counts of OK, KO, KO by {@link ErrorKind} and failures
 * by check in an array published with ordered stores. The generator's own send lag and schedule
 * lag are per lane. No locks, no allocation per request, no contended write: only its lane
 * writes a recorder. A request is recorded once, under its own name; the run's totals are the
 * sums the sampler adds up.
 *
 * <p>Thread model: single writer (the lane's thread); one reader (the generator's sampler
 * thread) takes interval histograms and reads the counters.
 */
public final class LaneRecorder {
    private static final int OK = 0;
    private static final int KO = 1;
    private static final int KINDS = 2;
    private static final int PER_REQUEST = KINDS + ErrorKind.values().length;

    private final int requests;
    private final SingleWriterRecorder[] okLatency;
    private final SingleWriterRecorder[] okService;
    private final SingleWriterRecorder[] failureLatency;
    private final SingleWriterRecorder sendLag = newRecorder();
    /** Actual send minus intended time, slot waits included: is the schedule being kept? */
    private final SingleWriterRecorder scheduleLag = newRecorder();
    /** Where each request's check counters start in {@link #counters}. */
    private final int[] checkBase;
    private final int lastDone;
    /**
     * Per request OK, KO, KO by kind; then per request and check its failures; last the latest
     * done time: written by the lane, read by the sampler.
     */
    private final AtomicLongArray counters;

    /** @param checksPerRequest for each request of the run, how many checks it has */
    public LaneRecorder(int[] checksPerRequest) {
        this.requests = checksPerRequest.length;
        this.okLatency = recorders(requests);
        this.okService = recorders(requests);
        this.failureLatency = recorders(requests);
        this.checkBase = new int[requests];
        int next = requests * PER_REQUEST;
        for (int r = 0; r < requests; r++) {
            checkBase[r] = next;
            next += checksPerRequest[r];
        }
        this.lastDone = next;
        this.counters = new AtomicLongArray(next + 1);
    }

    private static SingleWriterRecorder[] recorders(int n) {
        SingleWriterRecorder[] array = new SingleWriterRecorder[n];
        for (int i = 0; i < n; i++) {
            array[i] = newRecorder();
        }
        return array;
    }

    private static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(Histograms.LOWEST_DISCERNIBLE_NANOS,
                Histograms.HIGHEST_TRACKABLE_NANOS, Histograms.SIGNIFICANT_DIGITS);
    }

    /** How many requests (names) it records. */
    public int requests() {
        return requests;
    }

    /** Records an OK answer with its latency and service time. */
    public void recordOk(int request, long intendedNanos, long sentNanos, long doneNanos) {
        okLatency[request].recordValue(Histograms.clampNanos(doneNanos - intendedNanos));
        okService[request].recordValue(Histograms.clampNanos(doneNanos - sentNanos));
        increment(request * PER_REQUEST + OK);
        counters.lazySet(lastDone, doneNanos);
    }

    /** Records a KO request: its latency from the intended time to the failure, and its class. */
    public void recordFailure(int request, ErrorKind kind, long intendedNanos, long doneNanos) {
        failureLatency[request].recordValue(Histograms.clampNanos(doneNanos - intendedNanos));
        int base = request * PER_REQUEST;
        increment(base + KO);
        increment(base + KINDS + kind.ordinal());
        counters.lazySet(lastDone, doneNanos);
    }

    /** Records an answer that failed check {@code check} of its request: KO of class check. */
    public void recordCheckFailure(int request, int check, long intendedNanos, long doneNanos) {
        increment(checkBase[request] + check);
        recordFailure(request, ErrorKind.CHECK, intendedNanos, doneNanos);
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

    /** OK answers recorded so far, every request. */
    public long ok() {
        return sum(OK);
    }

    /** KO requests recorded so far, every request. */
    public long ko() {
        return sum(KO);
    }

    /** Counter {@code offset} ({@link #OK} or {@link #KO}) summed over every request. */
    private long sum(int offset) {
        long sum = 0;
        for (int r = 0; r < requests; r++) {
            sum += counters.get(r * PER_REQUEST + offset);
        }
        return sum;
    }

    public long ok(int request) {
        return counters.get(request * PER_REQUEST + OK);
    }

    public long ko(int request) {
        return counters.get(request * PER_REQUEST + KO);
    }

    /** KO requests by class, every request. */
    public ErrorCounts errors() {
        ErrorCounts sum = ErrorCounts.NONE;
        for (int r = 0; r < requests; r++) {
            sum = sum.plus(errors(r));
        }
        return sum;
    }

    /** KO answers to {@code request} by class. */
    public ErrorCounts errors(int request) {
        long[] byKind = new long[ErrorKind.values().length];
        for (int i = 0; i < byKind.length; i++) {
            byKind[i] = counters.get(request * PER_REQUEST + KINDS + i);
        }
        return ErrorCounts.of(byKind);
    }

    /** Failures of each check of {@code request}, in check order. */
    public long[] checkFailures(int request) {
        int end = request + 1 < requests ? checkBase[request + 1] : lastDone;
        long[] failures = new long[end - checkBase[request]];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = counters.get(checkBase[request] + i);
        }
        return failures;
    }

    /** {@link System#nanoTime()} of the latest recorded outcome, or 0 before the first. */
    public long lastDoneNanos() {
        return counters.get(lastDone);
    }

    /** OK latency of {@code request} since the last call; {@code recycle} may be null. Reader thread only. */
    public Histogram okLatencyInterval(int request, Histogram recycle) {
        return okLatency[request].getIntervalHistogram(recycle);
    }

    /** OK service time of {@code request} since the last call. Reader thread only. */
    public Histogram okServiceInterval(int request, Histogram recycle) {
        return okService[request].getIntervalHistogram(recycle);
    }

    /** KO latency of {@code request} since the last call. Reader thread only. */
    public Histogram failureLatencyInterval(int request, Histogram recycle) {
        return failureLatency[request].getIntervalHistogram(recycle);
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
