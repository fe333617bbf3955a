package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code compare}'s side-by-side table ({@code modes}): goodput and OK latency in ms
 * (null when the run had none), the KO share, and whether the generator limited the run.
 *
 * @param throughput    OK answers per second (goodput)
 * @param requestRate   every completed attempt per second
 * @param errorRate     KO share, 0..1
 * @param cacheHitRatio hits / (hits + misses) of a cached mode over the whole run, else null
 * @param limited       true when the load generator, not the target, set this run's numbers
 * @param theoryBound   the run's theory bound on goodput per second (reference-server modes), else
 *                      null
 * @param theoryFraction goodput / theoryBound, else null
 * @param theoryLimitedBy what sets the bound ({@code workers}, {@code connections}, ...), or
 *                       {@code server} when no configured resource does; null without theory
 * @param protocol      the protocol the server answered with ({@code http/1.1}, {@code h2c},
 *                      {@code h2}); null when the run's report does not say
 * @param streams       requests one connection carried at once (1 for HTTP/1.1); null as protocol
 * @param connections   TCP connections the run opened (probe and warm-up included); null as protocol
 */
@JsonPropertyOrder({"name", "throughput", "requestRate", "p50", "p99", "p99.9", "max", "errorRate",
    "errors", "cacheHitRatio", "limited", "theoryBound", "theoryFraction", "theoryLimitedBy",
    "protocol", "streams", "connections"})
public record ModeRow(String name, double throughput, Double requestRate, Double p50, Double p99,
        @JsonProperty("p99.9") Double p999, Double max, double errorRate, long errors,
        @JsonInclude(Include.NON_NULL) Double cacheHitRatio, boolean limited,
        @JsonInclude(Include.NON_NULL) Double theoryBound,
        @JsonInclude(Include.NON_NULL) Double theoryFraction,
        @JsonInclude(Include.NON_NULL) String theoryLimitedBy,
        @JsonInclude(Include.NON_NULL) String protocol, @JsonInclude(Include.NON_NULL) Integer streams,
        @JsonInclude(Include.NON_NULL) Long connections) {
}
