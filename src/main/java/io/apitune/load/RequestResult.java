package io.apitune.load;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one request of a mix did over the measured window: the same figures as the run's own
 * (OK and KO apart), and how often each of its checks failed.
 *
 * <p>Immutable after construction; the histograms must not be modified.
 *
 * @param name           the request's name
 * @param attempts       completed attempts, OK and KO
 * @param checkFailures  per check name, the KO answers it failed first (in check order)
 */
public record RequestResult(String name, long attempts, long okCount, long koCount,
        ErrorCounts errors, Histogram okLatency, Histogram okService, Histogram failureLatency,
        Map<String, Long> checkFailures) {
    public RequestResult {
        checkFailures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(checkFailures));
    }
}
