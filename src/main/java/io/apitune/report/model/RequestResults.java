package io.apitune.report.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What one request of a mix measured ({@code results.byRequest.<name>}): the blocks of the run's
 * own {@link Results}, over the run's measured window, and the failures of each of its checks.
 *
 * <p>Immutable; thread-safe.
 *
 * @param requests       completed attempts of this request, OK and KO
 * @param ok             its OK answers
 * @param throughput     its OK answers per second of the run's window (goodput)
 * @param requestRate    its attempts per second
 * @param errors         its KO answers by kind ({@code check}: a check failed)
 * @param errorRate      errors.total / requests, 0..1
 * @param latency        OK latency from the intended send time
 * @param serviceTime    OK service time
 * @param failureLatency KO latency
 * @param checks         per check, how many answers failed it (the first check an answer
 *                       failed counts it); absent when the request has no checks
 */
@JsonPropertyOrder({"requests", "ok", "throughput", "requestRate", "errors", "errorRate", "latency",
    "serviceTime", "failureLatency", "checks"})
public record RequestResults(long requests, Long ok, double throughput, Double requestRate,
        ErrorTally errors, double errorRate, LatencySummary latency, LatencySummary serviceTime,
        LatencySummary failureLatency, @JsonInclude(Include.NON_EMPTY) Map<String, Long> checks)
        implements Figures {
}
