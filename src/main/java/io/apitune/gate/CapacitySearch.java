package io.apitune.gate;

import static io.apitune.ApituneException.require;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * Finds the highest open-model rate whose measured step still meets the SLO: exponential steps
 * (doubling after a pass, halving after a failure) until the boundary is bracketed, then a binary
 * search until the bracket is within {@code tolerance} of the highest passing rate, or
 * {@code maxSteps} steps were measured. Assumes that failing is monotonic in the rate.
 *
 * <p>Single-threaded: {@link #search} calls the probe once per step, in order.
 *
 * @param startRatePerSecond first rate tried, > 0
 * @param maxRatePerSecond   the search never goes above this rate, >= start
 * @param tolerance          bracket width relative to the answer at which the search stops,
 *                           in (0, 1), e.g. 0.05
 * @param maxSteps           bound on the number of measured steps, >= 2
 */
public record CapacitySearch(double startRatePerSecond, double maxRatePerSecond, double tolerance,
        int maxSteps) {
    /** Rates below this are not tried: the search reports that nothing passed. */
    public static final double MIN_RATE_PER_SECOND = 1.0;

    public CapacitySearch {
        require(startRatePerSecond >= MIN_RATE_PER_SECOND && Double.isFinite(startRatePerSecond),
                "--start-rate", startRatePerSecond, "must be at least 1");
        require(maxRatePerSecond >= startRatePerSecond && Double.isFinite(maxRatePerSecond),
                "--max-rate", maxRatePerSecond, "must be at least the start rate");
        require(tolerance > 0 && tolerance < 1, "--tolerance", tolerance, "must be in (0, 1)");
        require(maxSteps >= 2, "--max-steps", maxSteps, "must be at least 2");
    }

    /** One measured step: the rate and whether it met the SLO; {@code detail} is the caller's. */
    public record Step<T>(double ratePerSecond, boolean passed, T detail) {
    }

    /**
     * @param steps     every step in the order measured
     * @param answer    the highest passing rate, empty when no step passed
     * @param converged true when the bracket narrowed to the tolerance (or the answer is the
     *                  maximum rate and passed); false when the step bound ran out first
     */
    public record Result<T>(List<Step<T>> steps, OptionalDouble answer, boolean converged) {
        public Result {
            steps = List.copyOf(steps);
            Objects.requireNonNull(answer, "answer");
        }
    }

    /** Runs the search; {@code probe} measures one rate (requests per second). */
    public <T> Result<T> search(DoubleFunction<Step<T>> probe) {
        List<Step<T>> steps = new ArrayList<>();
        double passing = Double.NaN;
        double failing = Double.NaN;
        double rate = startRatePerSecond;
        while (steps.size() < maxSteps) {
            Step<T> step = probe.apply(rate);
            steps.add(step);
            if (step.passed()) {
                passing = rate;
            } else {
                failing = rate;
            }
            if (!Double.isNaN(passing) && !Double.isNaN(failing)) {
                if (failing - passing <= tolerance * passing) {
                    return new Result<>(steps, OptionalDouble.of(passing), true);
                }
                rate = (passing + failing) / 2;
            } else if (step.passed()) {
                if (rate >= maxRatePerSecond) {
                    return new Result<>(steps, OptionalDouble.of(passing), true);
                }
                rate = Math.min(rate * 2, maxRatePerSecond);
            } else {
                if (rate / 2 < MIN_RATE_PER_SECOND) {
                    return new Result<>(steps, OptionalDouble.empty(), true);
                }
                rate = rate / 2;
            }
        }
        return new Result<>(steps, Double.isNaN(passing) ? OptionalDouble.empty()
                : OptionalDouble.of(passing), false);
    }
}
