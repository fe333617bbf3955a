package io.apitune.load;

import java.util.List;

import io.apitune.metrics.TailStats;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Assembles a {@link GeneratorHealth} from what the sampler, the resource meter and the drivers
 * saw, and applies {@link HealthVerdict}.
 *
 * <p>Single-threaded: used once, on the generator's sampler thread.
 */
final class HealthReport {
    private final Sampler.Totals totals;
    private final ResourceMeter.Usage usage;
    private final int ioThreads;

    HealthReport(Sampler.Totals totals, ResourceMeter.Usage usage, int ioThreads) {
        this.totals = totals;
        this.usage = usage;
        this.ioThreads = ioThreads;
    }

    /** @param heartbeats per lane, the lateness of its heartbeat while measuring */
    GeneratorHealth health(LoadConfig config, double warmupSeconds, long warmupDropped, long sent,
            long waited, long notSent, List<Histogram> heartbeats, double windowSeconds) {
        Histogram sendLag = totals.sendLag();
        int cores = Runtime.getRuntime().availableProcessors();
        TailStats ok = TailStats.of(totals.okLatency());
        TailStats failed = TailStats.of(totals.failureLatency());
        long threshold = HealthVerdict.stallThresholdNanos(ok.count() > 0
                ? TailStats.of(totals.okService()) : failed);
        long stalledNanos = 0;
        long maxLoopDelayNanos = 0;
        for (Histogram lane : heartbeats) {
            stalledNanos = Math.max(stalledNanos, sumAtOrAbove(lane, threshold));
            maxLoopDelayNanos = Math.max(maxLoopDelayNanos, lane.getMaxValue());
        }
        HealthVerdict.Verdict verdict = HealthVerdict.judge(new HealthVerdict.Inputs(
                TailStats.of(sendLag), ok, failed, sent, waited, notSent,
                usage.busiestLaneUtilisation(), stalledNanos, usage.cpuUtilisation(), cores,
                config.shardRatePerSecond(), windowSeconds));
        return new GeneratorHealth(sendLag, usage.gcCount(), usage.gcPauseMillis(),
                usage.cpuUtilisation(), usage.busiestLaneUtilisation(), cores, ioThreads,
                maxLoopDelayNanos / 1e6, stalledNanos / 1e6, warmupSeconds, warmupDropped, sent,
                waited, notSent, verdict.causes(), verdict.reason(), verdict.advice());
    }

    /** The sum of the recorded values at or above {@code threshold}. */
    private static long sumAtOrAbove(Histogram histogram, long threshold) {
        long sum = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            if (v.getValueIteratedTo() >= threshold) {
                sum += histogram.medianEquivalentValue(v.getValueIteratedTo()) * v.getCountAtValueIteratedTo();
            }
        }
        return sum;
    }
}
