package io.apitune.load;

/**
 * One second of a measured run, as the interval sampler saw it.
 *
 * @param elapsedSeconds   time from measurement start to the end of this interval
 * @param intervalSeconds  length of this interval (the last one may be shorter)
 * @param requests         requests completed in this interval (responses and failures)
 * @param totalRequests    requests completed since measurement start
 * @param errors           errors in this interval
 * @param totalErrors      errors since measurement start
 * @param latencyP50Nanos  interval median latency (from intended send), 0 without responses
 * @param latencyP99Nanos  interval 99th percentile latency, 0 without responses
 * @param plannedSeconds   planned measured duration, or 0 when the run ends by request count
 * @param plannedRequests  planned request count, or 0 when the run ends by duration
 */
public record IntervalSample(double elapsedSeconds, double intervalSeconds, long requests,
        long totalRequests, ErrorCounts errors, ErrorCounts totalErrors, long latencyP50Nanos,
        long latencyP99Nanos, double plannedSeconds, long plannedRequests) {

    /** Requests per second in this interval. */
    public double ratePerSecond() {
        return intervalSeconds > 0 ? requests / intervalSeconds : 0;
    }
}
