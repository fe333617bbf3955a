package io.apitune.load;

import java.util.ArrayList;
import java.util.List;

import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;

/**
 * Turns the recorders into intervals: swaps them, appends both interval histograms to the
 * interval log (tags {@code latency} and {@code service}), adds them to the totals, builds the
 * timeline and reports progress.
 *
 * <p>Single-threaded: only the generator's sampler thread uses it.
 */
final class Sampler {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final RunRecorder recorder;
    private final ProgressListener listener;
    private final long measureStartNanos;
    private final long startEpochMillis;
    private final double plannedSeconds;
    private final long plannedRequests;
    private final IntervalLog log;
    private final Histogram totalLatency = Histograms.newHistogram();
    private final Histogram totalService = Histograms.newHistogram();
    private final List<IntervalSample> timeline = new ArrayList<>();
    private Histogram recycleLatency;
    private Histogram recycleService;
    private long intervals;
    private long lastTickNanos;
    private long lastCompleted;
    private ErrorCounts lastErrors = ErrorCounts.NONE;

    Sampler(RunRecorder recorder, ProgressListener listener, long measureStartNanos,
            long startEpochMillis, double plannedSeconds, long plannedRequests) {
        this.recorder = recorder;
        this.listener = listener;
        this.measureStartNanos = measureStartNanos;
        this.startEpochMillis = startEpochMillis;
        this.plannedSeconds = plannedSeconds;
        this.plannedRequests = plannedRequests;
        this.log = new IntervalLog(startEpochMillis);
        this.lastTickNanos = measureStartNanos;
    }

    /** When the next one-second interval ends. */
    long nextTickNanos() {
        return measureStartNanos + (intervals + 1) * SECOND_NANOS;
    }

    /** Closes the interval ending at {@code nowNanos}; an empty final fragment is skipped. */
    void sample(long nowNanos) {
        Histogram latency = recorder.latencyInterval(recycleLatency);
        Histogram service = recorder.serviceInterval(recycleService);
        long completed = recorder.completed();
        ErrorCounts errors = recorder.errors();
        long requests = completed - lastCompleted;
        if (requests == 0 && latency.getTotalCount() == 0 && !timeline.isEmpty()
                && nowNanos - lastTickNanos < SECOND_NANOS / 2) {
            recycleLatency = latency;
            recycleService = service;
            return;
        }
        long startMillis = startEpochMillis + (lastTickNanos - measureStartNanos) / 1_000_000L;
        long endMillis = startEpochMillis + (nowNanos - measureStartNanos) / 1_000_000L;
        for (Histogram h : new Histogram[] {latency, service}) {
            h.setStartTimeStamp(startMillis);
            h.setEndTimeStamp(endMillis);
        }
        log.append(IntervalLog.TAG_LATENCY, latency);
        log.append(IntervalLog.TAG_SERVICE, service);
        totalLatency.add(latency);
        totalService.add(service);
        IntervalSample sample = new IntervalSample((nowNanos - measureStartNanos) / 1e9,
                (nowNanos - lastTickNanos) / 1e9, requests, completed, errors.minus(lastErrors),
                errors, latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(50),
                latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(99),
                plannedSeconds, plannedRequests);
        timeline.add(sample);
        intervals++;
        lastTickNanos = nowNanos;
        lastCompleted = completed;
        lastErrors = errors;
        recycleLatency = latency;
        recycleService = service;
        listener.interval(sample);
    }

    /** The run's result, after the final {@link #sample}. */
    LoadResult result(long endNanos, boolean interrupted) {
        long durationNanos = Math.max(0, endNanos - measureStartNanos);
        return new LoadResult(startEpochMillis, startEpochMillis + durationNanos / 1_000_000L,
                durationNanos, recorder.completed(), recorder.errors(), totalLatency.copy(),
                totalService.copy(), timeline, log, interrupted);
    }
}
