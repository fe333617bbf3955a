package io.apitune.load;

import java.util.concurrent.atomic.LongAdder;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Hot-path recording of measured requests: latency (from the intended send time) and service
 * time (from the actual send) into two wait-free {@link Recorder}s, completions and errors into
 * {@link LongAdder}s. No locks, no allocation per request.
 *
 * <p>Thread model: any number of I/O threads record concurrently; one sampler thread takes
 * interval histograms and reads the counters.
 */
public final class RunRecorder {
    private final Recorder latency = Histograms.newRecorder();
    private final Recorder service = Histograms.newRecorder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder[] errors = new LongAdder[ErrorKind.values().length];
    private volatile boolean closed;
    private volatile long lastDoneNanos;

    public RunRecorder() {
        for (int i = 0; i < errors.length; i++) {
            errors[i] = new LongAdder();
        }
    }

    /** Records a response (any status); a status of 400 or more also counts as an error. */
    public void recordResponse(long intendedNanos, long sentNanos, long doneNanos, int status) {
        if (closed) {
            return;
        }
        latency.recordValue(Histograms.clampNanos(doneNanos - intendedNanos));
        service.recordValue(Histograms.clampNanos(doneNanos - sentNanos));
        ErrorKind kind = ErrorKind.ofStatus(status);
        if (kind != null) {
            errors[kind.ordinal()].increment();
        }
        completed.increment();
        lastDoneNanos = doneNanos;
    }

    /** Records a request that got no response; it is counted but has no latency. */
    public void recordFailure(ErrorKind kind, long doneNanos) {
        if (closed) {
            return;
        }
        errors[kind.ordinal()].increment();
        completed.increment();
        lastDoneNanos = doneNanos;
    }

    /** Counts requests that never completed before the run's deadline as timeouts. */
    public void recordUnfinished(long count) {
        errors[ErrorKind.TIMEOUT.ordinal()].add(count);
        completed.add(count);
    }

    /** {@link System#nanoTime()} of the latest recorded completion, or 0 before the first. */
    public long lastDoneNanos() {
        return lastDoneNanos;
    }

    /** Stops recording: completions arriving later (after the final interval) are ignored. */
    public void close() {
        closed = true;
    }

    /** Requests recorded so far (responses and failures). */
    public long completed() {
        return completed.sum();
    }

    /** Errors recorded so far. */
    public ErrorCounts errors() {
        long[] byKind = new long[errors.length];
        for (int i = 0; i < errors.length; i++) {
            byKind[i] = errors[i].sum();
        }
        return ErrorCounts.of(byKind);
    }

    /** Latency interval since the last call; {@code recycle} may be null. Sampler thread only. */
    public Histogram latencyInterval(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    /** Service-time interval since the last call; {@code recycle} may be null. Sampler thread only. */
    public Histogram serviceInterval(Histogram recycle) {
        return service.getIntervalHistogram(recycle);
    }
}
