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

    /**
     * The one console line for a limited run, {@code WARNING: …} naming the cause and what to
     * do; empty when the run is not limited.
     */
    public String warning() {
        return !limited ? "" : "WARNING: the load generator limited this run: " + reason
                + ". These figures describe apitune, not the target: " + advice + ".";
    }

    /** A merged run's verdict: limited when any shard was, with the shards' reasons. */
    public static GeneratorInfo merged(LatencySummary sendLag, List<String> causes, String reason) {
        return new GeneratorInfo(sendLag, null, null, null, null, null, null, null, null, null, null,
                null, null, null, !causes.isEmpty(), causes, reason, causes.isEmpty() ? ""
                        : "rerun the shards named with a lower rate or more generator machines");
    }

    /**
     * The generator over several measurements of one run (interleaved rounds): counts and stalls
     * added, peaks kept, limited when any was, with their reasons.
     *
     * @param sendLag the send lag of all of them (their histograms added), or null
     */
    public static GeneratorInfo combine(List<GeneratorInfo> parts, LatencySummary sendLag) {
        List<GeneratorInfo> known = parts.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return null;
        }
        List<String> causes = known.stream().flatMap(g -> g.causes().stream()).distinct().sorted().toList();
        List<GeneratorInfo> limited = known.stream().filter(GeneratorInfo::limited).toList();
        List<String> advice = limited.stream().map(GeneratorInfo::advice).distinct().toList();
        return new GeneratorInfo(sendLag, sum(known, GeneratorInfo::gcPauseMillis), sum(known, GeneratorInfo::gcCount),
                max(known, GeneratorInfo::cpuUtilisation), max(known, GeneratorInfo::ioThreadUtilisation),
                known.get(0).cores(), known.get(0).ioThreads(), max(known, GeneratorInfo::maxLoopDelayMillis),
                known.stream().allMatch(g -> g.stalledMillis() != null)
                        ? known.stream().mapToDouble(GeneratorInfo::stalledMillis).sum() : null,
                known.get(0).warmupSeconds(), sum(known, GeneratorInfo::warmupDropped), sum(known, GeneratorInfo::sent),
                sum(known, GeneratorInfo::waitedForConnection), sum(known, GeneratorInfo::notSent), !causes.isEmpty(),
                causes, reason(limited, known.size()), String.join("; ", advice));
    }

    /**
     * One limited round's reason as it is; several: how many, and the reason of the one whose I/O
     * thread stalled longest (each round's reason names its own figures, so listing them all
     * would repeat one sentence per round).
     */
    private static String reason(List<GeneratorInfo> limited, int rounds) {
        if (limited.size() <= 1) {
            return limited.isEmpty() ? "" : limited.get(0).reason();
        }
        GeneratorInfo worst = limited.stream().max(java.util.Comparator.comparingDouble(
                g -> g.stalledMillis() == null ? 0 : g.stalledMillis())).orElseThrow();
        return "in " + limited.size() + " of " + rounds + " measurements; the worst: " + worst.reason();
    }

    private static Long sum(List<GeneratorInfo> parts, java.util.function.Function<GeneratorInfo, Long> field) {
        return parts.stream().allMatch(g -> field.apply(g) != null)
                ? parts.stream().mapToLong(field::apply).sum() : null;
    }

    private static Double max(List<GeneratorInfo> parts, java.util.function.Function<GeneratorInfo, Double> field) {
        return parts.stream().map(field).filter(java.util.Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static Double known(double value) {
        return value < 0 ? null : value;
    }
}
