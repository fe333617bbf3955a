package io.apitune.load;

/**
 * One second of a measured run, as the interval sampler saw it. Immutable; thread-safe.
 *
 * @param elapsedSeconds   time from measurement start to the end of this interval
 * @param intervalSeconds  length of this interval (the last one may be shorter)
 * @param requests         attempts completed in this interval (OK and KO)
 * @param totalRequests    attempts completed since measurement start
 * @param ok               OK answers (2xx, 3xx) in this interval
 * @param totalOk          OK answers since measurement start
 * @param errors           KO requests in this interval, by class
 * @param totalErrors      KO requests since measurement start, by class
 * @param latencyP50Nanos  interval median latency of OK requests (from intended send); 0 when
 *                         nothing succeeded in the interval (see {@link #hasOkLatency()})
 * @param latencyP99Nanos  interval 99th percentile latency of OK requests; 0 when none
 * @param sendLagP99Nanos  interval 99th percentile of the generator's send lag; 0 when nothing
 *                         was sent
 * @param plannedSeconds   planned measured duration, or 0 when the run ends by request count
 * @param plannedRequests  planned request count, or 0 when the run ends by duration
 * @param targetRate       open model: the rate planned for this interval (the mean of a ramp
 *                         over it); null in the closed model
 * @param targetConnections closed model with stages: the connections planned for this interval
 *                         (their mean over it); else null
 */
public record IntervalSample(double elapsedSeconds, double intervalSeconds, long requests,
        long totalRequests, long ok, long totalOk, ErrorCounts errors, ErrorCounts totalErrors,
        long latencyP50Nanos, long latencyP99Nanos, long sendLagP99Nanos, double plannedSeconds,
        long plannedRequests, Double targetRate, Double targetConnections) {

    /** Attempts per second in this interval. */
    public double ratePerSecond() {
        return intervalSeconds > 0 ? requests / intervalSeconds : 0;
    }

    /** OK answers per second in this interval (goodput). */
    public double okPerSecond() {
        return intervalSeconds > 0 ? ok / intervalSeconds : 0;
    }

    /**
     * True when some request succeeded in this interval, so the latency percentiles mean
     * something; when false, show them as {@code –}, not as zero.
     */
    public boolean hasOkLatency() {
        return ok > 0;
    }
}
