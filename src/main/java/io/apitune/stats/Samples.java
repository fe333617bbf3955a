package io.apitune.stats;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * One side of a comparison over rounds: what a metric is in each round, and how the metric of
 * several rounds together is computed, so that the bootstrap can recompute it on resampled rounds.
 *
 * <p>Immutable after construction; {@link #statistic} may be called from one thread at a time.
 */
public sealed interface Samples permits Samples.Values, Samples.Pooled {
    /** Rounds on this side, >= 1. */
    int rounds();

    /**
     * The metric of the rounds {@code indices} (a round may appear several times), e.g. all
     * rounds {@code 0..n-1}, or a bootstrap resample of them.
     */
    double statistic(int[] indices);

    /** True when the statistic can be computed (every value finite, at least one round). */
    boolean usable();

    /** The statistic of all rounds. */
    default double all() {
        int[] indices = new int[rounds()];
        Arrays.setAll(indices, i -> i);
        return statistic(indices);
    }

    /**
     * One value per round (throughput, an error rate, a mean); several rounds give the median of
     * their values.
     */
    static Samples values(double... values) {
        return new Values(values.clone());
    }

    /**
     * A latency percentile: several rounds give the percentile of their histograms added together
     * (as if one histogram had recorded them all), so a round with a stall moves it in proportion
     * to that round's share of the requests, not all the way.
     *
     * @param percentile 0..100 (0 the minimum, 100 the maximum)
     * @param scale      the statistic's unit per histogram unit (1e-6 for ns recorded, ms shown)
     */
    static Samples pooled(List<Histogram> rounds, double percentile, double scale) {
        return new Pooled(rounds, percentile, scale);
    }

    /** @see Samples#values */
    final class Values implements Samples {
        private final double[] values;
        private final Median median = new Median();

        private Values(double[] values) {
            this.values = values;
        }

        @Override
        public int rounds() {
            return values.length;
        }

        @Override
        public boolean usable() {
            return values.length > 0 && Arrays.stream(values).allMatch(Double::isFinite);
        }

        @Override
        public double statistic(int[] indices) {
            double[] chosen = new double[indices.length];
            for (int i = 0; i < indices.length; i++) {
                chosen[i] = values[indices[i]];
            }
            return median.evaluate(chosen);
        }
    }

    /**
     * @see Samples#pooled
     */
    final class Pooled implements Samples {
        private final double percentile;
        private final double scale;
        /** Distinct recorded values of all rounds (highest equivalent values), ascending. */
        private final long[] grid;
        /** The lowest equivalent value of each grid bucket (what a 0th percentile reports). */
        private final long[] lowest;
        /** cumulative[r][g]: requests of round r with a value <= grid[g]. */
        private final long[][] cumulative;

        private Pooled(List<Histogram> rounds, double percentile, double scale) {
            this.percentile = Math.min(Math.max(percentile, 0), 100);
            this.scale = scale;
            TreeSet<Long> values = new TreeSet<>();
            for (Histogram h : rounds) {
                for (HistogramIterationValue v : h.recordedValues()) {
                    values.add(h.highestEquivalentValue(v.getValueIteratedTo()));
                }
            }
            this.grid = values.stream().mapToLong(Long::longValue).toArray();
            this.lowest = new long[grid.length];
            for (int g = 0; g < grid.length && !rounds.isEmpty(); g++) {
                lowest[g] = rounds.get(0).lowestEquivalentValue(grid[g]);
            }
            this.cumulative = new long[rounds.size()][];
            for (int r = 0; r < rounds.size(); r++) {
                cumulative[r] = cumulative(rounds.get(r), grid);
            }
        }

        private static long[] cumulative(Histogram h, long[] grid) {
            long[] counts = new long[grid.length];
            for (HistogramIterationValue v : h.recordedValues()) {
                int g = Arrays.binarySearch(grid, h.highestEquivalentValue(v.getValueIteratedTo()));
                counts[g] += v.getCountAtValueIteratedTo();
            }
            for (int g = 1; g < counts.length; g++) {
                counts[g] += counts[g - 1];
            }
            return counts;
        }

        @Override
        public int rounds() {
            return cumulative.length;
        }

        @Override
        public boolean usable() {
            return cumulative.length > 0 && grid.length > 0
                    && Arrays.stream(cumulative).allMatch(c -> c.length > 0 && c[c.length - 1] > 0);
        }

        /** HdrHistogram's getValueAtPercentile on the rounds added together. */
        @Override
        public double statistic(int[] indices) {
            int[] times = new int[cumulative.length];
            for (int i : indices) {
                times[i]++;
            }
            long total = countUpTo(times, grid.length - 1);
            long wanted = Math.max(1, (long) (percentile / 100.0 * total + 0.5));
            int low = 0;
            int high = grid.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (countUpTo(times, mid) >= wanted) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return (percentile == 0 ? lowest[low] : grid[low]) * scale;
        }

        private long countUpTo(int[] times, int g) {
            long sum = 0;
            for (int r = 0; r < times.length; r++) {
                sum += times[r] * cumulative[r][g];
            }
            return sum;
        }
    }
}
