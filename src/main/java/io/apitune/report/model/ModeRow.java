package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code compare}'s side-by-side table ({@code modes}); latencies in ms, null when the
 * run had none.
 *
 * @param cacheHitRatio hits / (hits + misses) of the cached mode over the whole run, else null
 */
@JsonPropertyOrder({"name", "throughput", "p50", "p99", "p99.9", "max", "errorRate", "errors",
    "cacheHitRatio"})
public record ModeRow(String name, double throughput, Double p50, Double p99,
        @JsonProperty("p99.9") Double p999, Double max, double errorRate, long errors,
        @JsonInclude(Include.NON_NULL) Double cacheHitRatio) {
}
