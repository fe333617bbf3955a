package io.apitune.load;

import java.util.ArrayList;
import java.util.List;

import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;

/**
 * Turns the lanes' measured recorders into intervals: swaps them, merges the lanes, appends the
 * interval histograms to the interval log (tags {@code latency}, {@code service},
 * {@code failure}, {@code sendLag}), adds them to the totals, builds the timeline and reports
 * progress.
 *
 * <p>Single-threaded: only the generator's sampler thread uses it.
 */
final class Sampler {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final String[] TAGS = {IntervalLog.TAG_LATENCY, IntervalLog.TAG_SERVICE,
        IntervalLog.TAG_FAILURE, IntervalLog.TAG_SEND_LAG};
    private static final int LATENCY = 0;
    private static final int SERVICE = 1;
    private static final int FAILURE = 2;
    private static final int SEND_LAG = 3;

    private final List<LaneRecorder> lanes;
    private final ProgressListener listener;
    private final double plannedSeconds;
    private final long plannedRequests;
    private long measureStartNanos;
    private long startEpochMillis;
    private IntervalLog log;
    private final Histogram[] interval = new Histogram[TAGS.length];
    private final Histogram[] totals = new Histogram[TAGS.length];
    /** Per lane and tag, the histogram handed back to the recorder at the next swap. */
    private final Histogram[][] recycle;
    private final List<IntervalSample> timeline = new ArrayList<>();
    private long intervals;
    private long lastTickNanos;
    private long lastOk;
    private long lastKo;
    private ErrorCounts lastErrors = ErrorCounts.NONE;

    /**
     * Allocates every histogram the measurement will use, before warm-up: allocated at its start
     * they would still be in the young generation during the first measured seconds, and the
     * collector would copy them in pauses the run measures (7-14 ms at 20,000/s on one core).
     * Call {@link #begin} when measurement starts.
     */
    Sampler(List<LaneRecorder> lanes, ProgressListener listener, double plannedSeconds,
            long plannedRequests) {
        this.lanes = List.copyOf(lanes);
        this.listener = listener;
        this.plannedSeconds = plannedSeconds;
        this.plannedRequests = plannedRequests;
        this.recycle = new Histogram[lanes.size()][TAGS.length];
        for (int t = 0; t < TAGS.length; t++) {
            interval[t] = Histograms.newHistogram();
            totals[t] = Histograms.newHistogram();
        }
        swapIntervals(); // the lanes' measured recorders are idle: this only allocates the spares
    }

    /** Measurement starts at {@code measureStartNanos} ({@code startEpochMillis} on the wall clock). */
    void begin(long measureStartNanos, long startEpochMillis) {
        this.measureStartNanos = measureStartNanos;
        this.startEpochMillis = startEpochMillis;
        this.lastTickNanos = measureStartNanos;
        this.log = new IntervalLog(startEpochMillis);
    }

    /** When the next one-second interval ends. */
    long nextTickNanos() {
        return measureStartNanos + (intervals + 1) * SECOND_NANOS;
    }

    /** Closes the interval ending at {@code nowNanos}; an empty final fragment is skipped. */
    void sample(long nowNanos) {
        swapIntervals();
        long ok = 0;
        long ko = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        for (LaneRecorder lane : lanes) {
            ok += lane.ok();
            ko += lane.ko();
            errors = errors.plus(lane.errors());
        }
        long requests = ok + ko - lastOk - lastKo;
        if (requests == 0 && interval[SEND_LAG].getTotalCount() == 0 && !timeline.isEmpty()
                && nowNanos - lastTickNanos < SECOND_NANOS / 2) {
            return;
        }
        long startMillis = startEpochMillis + (lastTickNanos - measureStartNanos) / 1_000_000L;
        long endMillis = startEpochMillis + (nowNanos - measureStartNanos) / 1_000_000L;
        for (int t = 0; t < TAGS.length; t++) {
            interval[t].setStartTimeStamp(startMillis);
            interval[t].setEndTimeStamp(endMillis);
            log.append(TAGS[t], interval[t]);
            totals[t].add(interval[t]);
        }
        Histogram latency = interval[LATENCY];
        boolean anyOk = latency.getTotalCount() > 0;
        IntervalSample sample = new IntervalSample((nowNanos - measureStartNanos) / 1e9,
                (nowNanos - lastTickNanos) / 1e9, requests, ok + ko, ok - lastOk, ok,
                errors.minus(lastErrors), errors,
                anyOk ? latency.getValueAtPercentile(50) : 0,
                anyOk ? latency.getValueAtPercentile(99) : 0,
                interval[SEND_LAG].getTotalCount() == 0 ? 0
                        : interval[SEND_LAG].getValueAtPercentile(99),
                plannedSeconds, plannedRequests);
        timeline.add(sample);
        intervals++;
        lastTickNanos = nowNanos;
        lastOk = ok;
        lastKo = ko;
        lastErrors = errors;
        listener.interval(sample);
    }

    /** Takes every lane's interval histograms and merges them per tag into {@link #interval}. */
    private void swapIntervals() {
        for (Histogram h : interval) {
            h.reset();
        }
        for (int lane = 0; lane < lanes.size(); lane++) {
            LaneRecorder recorder = lanes.get(lane);
            Histogram[] mine = recycle[lane];
            mine[LATENCY] = recorder.okLatencyInterval(mine[LATENCY]);
            mine[SERVICE] = recorder.okServiceInterval(mine[SERVICE]);
            mine[FAILURE] = recorder.failureLatencyInterval(mine[FAILURE]);
            mine[SEND_LAG] = recorder.sendLagInterval(mine[SEND_LAG]);
            for (int t = 0; t < TAGS.length; t++) {
                interval[t].add(mine[t]);
            }
        }
    }

    Histogram totalOkLatency() {
        return totals[LATENCY].copy();
    }

    Histogram totalOkService() {
        return totals[SERVICE].copy();
    }

    Histogram totalFailureLatency() {
        return totals[FAILURE].copy();
    }

    Histogram totalSendLag() {
        return totals[SEND_LAG].copy();
    }

    long ok() {
        return lastOk;
    }

    long ko() {
        return lastKo;
    }

    ErrorCounts errors() {
        return lastErrors;
    }

    List<IntervalSample> timeline() {
        return timeline;
    }

    IntervalLog log() {
        return log;
    }
}
