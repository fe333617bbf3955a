package io.apitune.gate;

import java.util.List;
import java.util.OptionalDouble;

import io.apitune.load.LimitCause;
import io.apitune.metrics.Percentile;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;

/**
 * Which way, if any, the load generator may have moved one figure of a run it limited
 * (docs/generator-health.md, "Gates on a limited run"). Its delay reaches only the share of
 * requests it touched: the time its I/O thread was stalled plus the requests it sent a
 * millisecond or more late. A percentile whose tail is more than twice that share is the
 * target's; a higher one may read high. Throughput may read low where the generator offered
 * less than asked (closed model, a saturated generator, requests never sent). A run limited only
 * because every connection was busy ({@code connections}) was limited by the target: no bias.
 *
 * <p>Stateless; thread-safe.
 */
final class GeneratorBias {
    private static final double LATE_MILLIS = 1.0;

    private GeneratorBias() {
    }

    static Bias of(Results r, String metric) {
        GeneratorInfo g = r == null ? null : r.generator();
        if (g == null || !g.limited() || g.causes().equals(List.of(LimitCause.CONNECTIONS.key()))) {
            return Bias.NONE;
        }
        boolean shortfall = g.causes().contains(LimitCause.SHORTFALL.key());
        boolean saturated = g.causes().contains(LimitCause.CPU.key());
        double share = saturated ? 1.0 : touchedShare(r, g);
        if (metric.startsWith("failure.")) {
            return Bias.ANY;
        }
        String stat = metric.startsWith("service.") ? metric.substring("service.".length()) : metric;
        switch (stat) {
            case "throughput", "requestRate", "ok", "requests":
                return shortfall || saturated || (r.targetRate() == null && share > 0) ? Bias.LOW : Bias.NONE;
            case "errors", "errorCount":
                return shortfall || saturated ? Bias.ANY : share > 0 ? Bias.HIGH : Bias.NONE;
            case "min":
                return shortfall ? Bias.ANY : Bias.NONE;
            case "max", "mean":
                return shortfall ? Bias.ANY : share > 0 ? Bias.HIGH : Bias.NONE;
            default:
                double tail = 1 - Percentile.ofKey(stat).orElse(Percentile.P50).level() / 100;
                // Requests never sent would have waited longest: without them a percentile may read low.
                return shortfall ? Bias.ANY : tail <= 2 * share ? Bias.HIGH : Bias.NONE;
        }
    }

    /**
     * The least the target's true value of a latency percentile can be, in ms, on a run where
     * the generator only delayed requests (no shortfall): its delay raised at most the touched
     * share t of the values and never lowered one, so the true p-quantile is at least the
     * measured (p - 2t)-quantile, read at the nearest reported percentile below. Empty for any
     * other metric, or when that level is below the lowest reported percentile.
     */
    static OptionalDouble floor(Results r, String metric) {
        GeneratorInfo g = r == null ? null : r.generator();
        if (g == null || metric.startsWith("failure.") || g.causes().contains(LimitCause.SHORTFALL.key())
                || g.causes().contains(LimitCause.CPU.key())) {
            return OptionalDouble.empty();
        }
        boolean service = metric.startsWith("service.");
        LatencySummary summary = service ? r.serviceTime() : r.latency();
        String stat = service ? metric.substring("service.".length()) : metric;
        Percentile asked = Percentile.ofKey(stat).orElse(null);
        if (summary == null || asked == null) {
            return OptionalDouble.empty();
        }
        double level = asked.level() - 200 * touchedShare(r, g);
        Percentile below = null;
        for (Percentile p : Percentile.values()) {
            below = p.level() <= level ? p : below;
        }
        return below == null ? OptionalDouble.empty() : OptionalDouble.of(summary.percentileMs(below));
    }

    /** The share of requests the generator's delay can have touched, 0..1. */
    private static double touchedShare(Results r, GeneratorInfo g) {
        double stalled = g.stalledMillis() == null || r.durationSeconds() <= 0 ? 1.0
                : g.stalledMillis() / (r.durationSeconds() * 1000);
        return Math.min(1.0, stalled + lateShare(g.sendLag()));
    }

    /** An upper bound of the share of requests sent a millisecond or more late. */
    private static double lateShare(LatencySummary sendLag) {
        if (sendLag == null) {
            return 1.0;
        }
        double below = 0;
        for (Percentile p : Percentile.values()) {
            if (sendLag.percentileMs(p) >= LATE_MILLIS) {
                return 1 - below / 100;
            }
            below = p.level();
        }
        return sendLag.maxMs() >= LATE_MILLIS ? 1 - below / 100 : 0;
    }
}
