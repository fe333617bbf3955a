package io.apitune.load;

import org.HdrHistogram.Histogram;

/**
 * Receives live progress of a run. Called on the generator's sampler thread (the thread that
 * called {@link LoadGenerator#run()}); implementations should return quickly.
 */
public interface ProgressListener {
    /** Nothing is shown. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Warm-up of {@code seconds} begins; its traffic is not measured. */
    default void warmupStarted(double seconds) {
    }

    /**
     * Measurement has started, {@code warmupSeconds} after the run began (warm-up ends early
     * once the generator keeps its schedule); {@code warmupDropped} warm-up requests not yet
     * sent were dropped so that no measured request waits behind them.
     */
    default void measurementStarted(double warmupSeconds, long warmupDropped) {
    }

    /** One interval (about a second) of measurement has ended. */
    default void interval(IntervalSample sample) {
    }

    /**
     * The same interval's histogram of OK latency (nanoseconds, from the intended send time),
     * right after {@link #interval}: for progress merged exactly across shards. Valid only during
     * the call (it is reused); copy or encode it, never keep it.
     */
    default void intervalLatency(IntervalSample sample, Histogram okLatency) {
    }

    /** Measurement has ended; progress output should be finished off. */
    default void finished() {
    }

    /** Tells {@code first}, then {@code second}, everything. */
    static ProgressListener both(ProgressListener first, ProgressListener second) {
        if (second == NONE) {
            return first;
        }
        return new ProgressListener() {
            @Override
            public void warmupStarted(double seconds) {
                first.warmupStarted(seconds);
                second.warmupStarted(seconds);
            }

            @Override
            public void measurementStarted(double warmupSeconds, long warmupDropped) {
                first.measurementStarted(warmupSeconds, warmupDropped);
                second.measurementStarted(warmupSeconds, warmupDropped);
            }

            @Override
            public void interval(IntervalSample sample) {
                first.interval(sample);
                second.interval(sample);
            }

            @Override
            public void intervalLatency(IntervalSample sample, Histogram okLatency) {
                first.intervalLatency(sample, okLatency);
                second.intervalLatency(sample, okLatency);
            }

            @Override
            public void finished() {
                first.finished();
                second.finished();
            }
        };
    }
}
