package io.apitune.report.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.apitune.load.GeneratorHealth;
import io.apitune.load.LimitCause;

/**
 * How the load generator itself fared ({@code results.generator}), and whether it, not the
 * target, set the run's numbers (docs/generator-health.md states the rule). A merged report
 * knows only what its shards' reports say: the send lag from the merged logs and the verdict;
 * the other figures are then absent.
 *
 * @param sendLag        actual send time minus the earliest moment the request could have been
 *                       sent (its intended time, or when a connection became free), ms
 * @param cpuUtilisation the generator process's CPU time over wall time, 0..cores
 * @param limited        true when the generator limited the run: its gates are inconclusive
 * @param causes         {@code send-lag}, {@code stalls}, {@code cpu}, {@code shortfall},
 *                       {@code connections}; empty when not limited
 * @param reason         why, in words; empty when not limited
 */
@JsonInclude(Include.NON_NULL)
public record GeneratorInfo(LatencySummary sendLag, Long gcPauseMillis, Long gcCount,
        Double cpuUtilisation, Double ioThreadUtilisation, Integer cores, Integer ioThreads,
        Double maxLoopDelayMillis, Double stalledMillis, Double warmupSeconds, Long warmupDropped,
        Long sent, Long waitedForConnection, Long notSent, boolean limited, List<String> causes,
        String reason, String advice) {

    public static GeneratorInfo of(GeneratorHealth h) {
        return new GeneratorInfo(LatencySummary.of(h.sendLag()), h.gcPauseMillis(), h.gcCount(),
                known(h.cpuUtilisation()), known(h.ioThreadUtilisation()), h.cores(), h.ioThreads(),
                h.maxLoopDelayMillis(), h.stalledMillis(), h.warmupSeconds(), h.warmupDropped(),
                h.sent(), h.waitedForConnection(), h.notSent(), h.limited(),
                h.causes().stream().sorted().map(LimitCause::key).toList(), h.reason(), h.advice());
    }

    /** A merged run's verdict: limited when any shard was, with the shards' reasons. */
    public static GeneratorInfo merged(LatencySummary sendLag, List<String> causes, String reason) {
        return new GeneratorInfo(sendLag, null, null, null, null, null, null, null, null, null, null,
                null, null, null, !causes.isEmpty(), causes, reason, causes.isEmpty() ? ""
                        : "rerun the shards named with a lower rate or more generator machines");
    }

    private static Double known(double value) {
        return value < 0 ? null : value;
    }
}
