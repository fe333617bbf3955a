package io.apitune.report.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.apitune.stats.Interval;

/**
 * A median over rounds with its confidence interval, as report.json stores it on a gate verdict
 * or a ratio row (docs/report-schema.md).
 *
 * <p>Immutable; thread-safe.
 *
 * @param statistic  {@code ratio} (left / right, compared with the gate's factor), {@code difference}
 *                   (left − factor × right, compared with 0, where a ratio is undefined) or
 *                   {@code value} (one metric, compared with a literal, in the gate's unit)
 * @param median     the point estimate
 * @param low        lower bound
 * @param high       upper bound
 * @param confidence e.g. 0.95
 * @param rounds     rounds it was computed from (the smaller side's)
 * @param paired     true when both sides came from the same interleaved rounds
 * @param threshold  what a gate compares the interval with (its factor, 0, or its literal), else null
 */
@JsonPropertyOrder({"statistic", "median", "low", "high", "confidence", "rounds", "paired", "threshold"})
public record RoundInterval(String statistic, double median, double low, double high, double confidence,
        int rounds, boolean paired, @JsonInclude(Include.NON_NULL) Double threshold) {
    public static final String RATIO = "ratio";
    public static final String DIFFERENCE = "difference";
    public static final String VALUE = "value";

    /** The stored form of {@code interval}. */
    public static RoundInterval of(String statistic, Interval interval, Double threshold) {
        return new RoundInterval(statistic, interval.median(), interval.low(), interval.high(),
                interval.confidence(), interval.rounds(), interval.paired(), threshold);
    }
}
