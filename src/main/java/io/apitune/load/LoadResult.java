package io.apitune.load;

import java.util.List;

import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;

/**
 * What one measured run produced: counts, the total histograms (nanoseconds), the per-second
 * timeline, the interval log, and the generator's verdict on itself.
 *
 * <p>A request is OK when it got a 2xx or 3xx answer; anything else (other statuses, timeouts,
 * connect errors, resets) is KO. Latency and service time cover OK requests only, so a failing
 * target cannot look fast; KO requests have their own latency histogram.
 *
 * <p>Immutable after construction by {@link LoadGenerator}; safe to read from any thread once
 * {@link LoadGenerator#run()} has returned (the histograms must not be modified).
 *
 * @param startEpochMillis measurement start (after warm-up)
 * @param endEpochMillis   measurement end
 * @param durationNanos    measured wall time: start to the last completion (or the stop), at
 *                         least the planned duration
 * @param attempts         every completed attempt in the measured window, OK and KO
 * @param okCount          OK answers
 * @param koCount          KO requests ({@code errors.total()})
 * @param errors           KO requests by class
 * @param okLatency        OK latency from the intended send time (coordinated-omission-free)
 * @param okService        OK service time from the actual send
 * @param failureLatency   KO latency from the intended send time to the failure (a timeout
 *                         counts at its timeout)
 * @param timeline         one entry per interval
 * @param log              the interval log (tags latency, service, failure, sendLag)
 * @param interrupted      true when {@link LoadGenerator#stop()} ended the run early
 * @param generator        the generator's own health and its limited verdict
 * @param protocol         the protocol asked for and negotiated, streams, connections made; null
 *                         when not known
 * @param byRequest        each request of a mix, in order; empty for a single-request run
 * @param endedBy          why the run ended before its plan, when something in it did (a
 *                         feeder out of rows), else null
 * @param abortedBy        the reason an {@link IntervalHook} gave to stop the run (a gate that
 *                         failed on its window), else null
 */
public record LoadResult(long startEpochMillis, long endEpochMillis, long durationNanos,
        long attempts, long okCount, long koCount, ErrorCounts errors, Histogram okLatency,
        Histogram okService, Histogram failureLatency, List<IntervalSample> timeline,
        IntervalLog log, boolean interrupted, GeneratorHealth generator, ProtocolUsage protocol,
        List<RequestResult> byRequest, String endedBy, String abortedBy) {

    public LoadResult {
        timeline = List.copyOf(timeline);
        byRequest = List.copyOf(byRequest);
    }

    /** OK answers per second of measured wall time (goodput). */
    public double throughputPerSecond() {
        return durationNanos > 0 ? okCount * 1e9 / durationNanos : 0;
    }

    /** Completed attempts (OK and KO) per second of measured wall time. */
    public double requestRatePerSecond() {
        return durationNanos > 0 ? attempts * 1e9 / durationNanos : 0;
    }

    /** The generator's send lag of every measured request, nanoseconds. */
    public Histogram sendLag() {
        return generator.sendLag();
    }
}
