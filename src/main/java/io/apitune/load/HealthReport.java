package io.apitune.load;

import io.apitune.metrics.LatencyStats;
import org.HdrHistogram.Histogram;

/**
 * Assembles a {@link GeneratorHealth} from what the sampler, the resource meter and the drivers
 * saw, and applies {@link HealthVerdict}.
 *
 * <p>Single use, on the generator's sampler thread.
 */
final class HealthReport {
    private final Sampler sampler;
    private final ResourceMeter.Usage usage;
    private final int ioThreads;

    HealthReport(Sampler sampler, ResourceMeter.Usage usage, int ioThreads) {
        this.sampler = sampler;
        this.usage = usage;
        this.ioThreads = ioThreads;
    }

    GeneratorHealth health(LoadConfig config, double warmupSeconds, long warmupDropped, long sent,
            long waited, long notSent, long maxLoopDelayNanos, long stalledNanos,
            double windowSeconds) {
        Histogram sendLag = sampler.totalSendLag();
        int cores = Runtime.getRuntime().availableProcessors();
        HealthVerdict.Verdict verdict = HealthVerdict.judge(new HealthVerdict.Inputs(
                LatencyStats.of(sendLag), LatencyStats.of(sampler.totalOkLatency()),
                LatencyStats.of(sampler.totalFailureLatency()), sent, waited, notSent,
                usage.busiestLaneUtilisation(), stalledNanos, usage.cpuUtilisation(), cores,
                config.ratePerSecond(), windowSeconds));
        return new GeneratorHealth(sendLag, usage.gcCount(), usage.gcPauseMillis(),
                usage.cpuUtilisation(), usage.busiestLaneUtilisation(), cores, ioThreads,
                maxLoopDelayNanos / 1e6, stalledNanos / 1e6, warmupSeconds, warmupDropped, sent, waited, notSent, verdict.limited(),
                verdict.reason(), verdict.advice());
    }
}
