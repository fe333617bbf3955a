package io.apitune.load;

import java.util.List;

import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;

/**
 * What one measured run produced: totals, the two total histograms (nanoseconds), the per-second
 * timeline and the interval log.
 *
 * <p>Immutable after construction by {@link LoadGenerator}; safe to read from any thread once
 * {@link LoadGenerator#run()} has returned (the histograms must not be modified).
 *
 * @param startEpochMillis measurement start (after warm-up)
 * @param endEpochMillis   measurement end
 * @param durationNanos    measured wall time: start to the last completion (or the stop)
 * @param requests         requests completed in the measured window, errors included
 * @param errors           failed requests by class
 * @param latency          latency from the intended send time, every response
 * @param service          service time from the actual send, every response
 * @param timeline         one entry per interval
 * @param log              the interval log (tags latency and service)
 * @param interrupted      true when {@link LoadGenerator#stop()} ended the run early
 */
public record LoadResult(long startEpochMillis, long endEpochMillis, long durationNanos,
        long requests, ErrorCounts errors, Histogram latency, Histogram service,
        List<IntervalSample> timeline, IntervalLog log, boolean interrupted) {

    public LoadResult {
        timeline = List.copyOf(timeline);
    }

    /** Completed requests per second of measured wall time. */
    public double throughputPerSecond() {
        return durationNanos > 0 ? requests * 1e9 / durationNanos : 0;
    }
}
