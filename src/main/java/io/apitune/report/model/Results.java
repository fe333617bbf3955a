package io.apitune.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a run measured ({@code results} in report.json). A request is OK when it got a 2xx or 3xx
 * answer (and passed its checks); anything else is KO. In schemaVersion 2 throughput and latency
 * are of OK requests only; a version-1 report (no {@code ok}) counted every answer in both.
 *
 * @param durationSeconds measured wall time
 * @param requests        completed attempts in the measured window, OK and KO
 * @param ok              OK answers; null in a version-1 report
 * @param throughput      OK answers per second (goodput); every answer per second in version 1
 * @param requestRate     completed attempts per second; null in a version-1 report
 * @param targetRate      the open model's rate, null in the closed model
 * @param errors          KO requests by kind, with a total
 * @param errorRate       errors.total / requests, 0..1
 * @param latency         OK requests from the intended send time; null when a merged log had none
 * @param serviceTime     OK requests from the actual send; null when a merged log had none
 * @param failureLatency  KO requests from the intended send time to the failure (a timeout at its
 *                        timeout); null in a version-1 report
 * @param generator       the generator's health and verdict; null in a version-1 report
 * @param timeline        one entry per interval
 * @param protocol        the protocol asked for and negotiated, streams per connection and
 *                        connections made; null in a merged report and before HTTP/2
 * @param byRequest       per request of a mix, by name in the mix's order: the same blocks; null
 *                        (absent) for a single-request run
 * @param endedBy         why the run ended before its plan (a sequential feeder out of rows),
 *                        else null (absent)
 */
@JsonPropertyOrder({"durationSeconds", "requests", "ok", "throughput", "requestRate", "targetRate",
    "errors", "errorRate", "latency", "serviceTime", "failureLatency", "generator", "protocol",
    "endedBy", "byRequest", "timeline"})
public record Results(double durationSeconds, long requests,
        @JsonInclude(Include.NON_NULL) Long ok, double throughput,
        @JsonInclude(Include.NON_NULL) Double requestRate, Double targetRate, ErrorTally errors,
        double errorRate, LatencySummary latency, LatencySummary serviceTime,
        @JsonInclude(Include.NON_NULL) LatencySummary failureLatency,
        @JsonInclude(Include.NON_NULL) GeneratorInfo generator, List<TimelinePoint> timeline,
        @JsonInclude(Include.NON_NULL) ProtocolInfo protocol,
        @JsonInclude(Include.NON_NULL) Map<String, RequestResults> byRequest,
        @JsonInclude(Include.NON_NULL) String endedBy) implements Figures {

    public Results {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        byRequest = byRequest == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(byRequest));
    }

    /** The results of the request of a mix named {@code name}, if there is one. */
    public java.util.Optional<RequestResults> request(String name) {
        return byRequest == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(byRequest.get(name));
    }

    /** True when the generator limited this run (its gates are inconclusive). */
    public boolean limited() {
        return generator != null && generator.limited();
    }
}
