package io.apitune.gate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import io.apitune.stats.Samples;

/**
 * Where gates find their numbers: a run name and a metric name map to a value and its unit. Gate
 * parsing knows nothing about metrics; {@link ReportMetrics} resolves against report.json
 * documents, and other parts (JMH scores) can supply their own implementation.
 *
 * <p>Implementations are used from one thread at a time.
 */
public interface MetricResolver {
    /** Names that may qualify a metric, as in {@code async.p99}. */
    Set<String> runs();

    /** The runs an unqualified metric ({@code p99 < 25ms}) is checked on, one result each. */
    List<String> defaultRuns();

    /**
     * @param run    one of {@link #runs()}
     * @param metric e.g. {@code p99}, {@code service.p99.9}, {@code throughput}
     * @return the value, or empty when the metric name is unknown
     */
    Optional<Measured> lookup(String run, String metric);

    /** The metric names this resolver knows, for error messages. */
    String knownMetrics();

    /**
     * Which way the load generator may have moved {@code metric} of {@code run} (it only ever
     * makes a target look slower); {@link Bias#NONE} when it did not limit the run.
     */
    default Bias bias(String run, String metric) {
        return Bias.NONE;
    }

    /**
     * The least the target's true value of {@code metric} of {@code run} can be, given how the
     * load generator limited the run (a latency percentile it can only have raised); empty when
     * no such bound is known.
     */
    default OptionalDouble floor(String run, String metric) {
        return OptionalDouble.empty();
    }

    /** Why the load generator limited {@code run}, for messages; empty when it did not. */
    default Optional<String> limitedReason(String run) {
        return Optional.empty();
    }

    /**
     * {@code metric} in each round, in round order, when {@code run} was measured in interleaved
     * rounds (at least two); empty otherwise. Runs of one resolver share their rounds (round i of
     * one run was measured next to round i of another).
     */
    default Optional<Samples> samples(String run, String metric) {
        return Optional.empty();
    }
}
