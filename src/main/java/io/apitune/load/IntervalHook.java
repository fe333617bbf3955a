package io.apitune.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * Sees every measured interval (about a second) as the sampler closes it, with its histograms,
 * and may end the run: a gate judged on a sliding window while the run goes on. The load
 * generator knows nothing of gates; it only stops when the hook gives a reason.
 *
 * <p>Called on the generator's sampler thread; the histograms of {@link Interval} belong to the
 * sampler and are valid only during the call (add them to your own to keep them).
 */
@FunctionalInterface
public interface IntervalHook {
    /** No hook. */
    IntervalHook NONE = interval -> null;

    /** @return why the run must stop now, or null to go on */
    String interval(Interval interval);

    /**
     * One interval of the run.
     *
     * @param elapsedSeconds  time from measurement start to the end of the interval
     * @param intervalSeconds the interval's length
     * @param total           the whole run's requests in the interval
     * @param requests        each request of a mix, in order (empty for a single-request run)
     * @param sendLag         the generator's send lag in the interval, nanoseconds
     */
    record Interval(double elapsedSeconds, double intervalSeconds, Part total, List<Part> requests,
            Histogram sendLag) {
    }

    /**
     * What one request (or the whole run) did in the interval.
     *
     * @param okLatency      OK latency from the intended send time, nanoseconds
     * @param okService      OK service time, nanoseconds
     * @param failureLatency KO latency, nanoseconds
     */
    record Part(long ok, long ko, ErrorCounts errors, Histogram okLatency, Histogram okService,
            Histogram failureLatency) {
    }
}
