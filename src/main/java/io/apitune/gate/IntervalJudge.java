package io.apitune.gate;

import java.util.Locale;
import java.util.Optional;

import io.apitune.report.model.RoundInterval;
import io.apitune.stats.Bootstrap;
import io.apitune.stats.Interval;
import io.apitune.stats.Samples;

/**
 * Judges a gate on runs measured in rounds: on the 95 % confidence interval of the quantity the
 * gate compares ({@link Bootstrap} over rounds; a latency percentile is that of the rounds'
 * histograms added, any other metric the median of its per-round values), not on one number. The gate passes when the whole interval is on the good side
 * of its limit, fails when the whole interval is on the bad side, and is inconclusive when the
 * interval straddles the limit.
 *
 * <ul>
 *   <li>{@code p99 < 25ms}: the run's p99 over its rounds ({@code value});</li>
 *   <li>{@code B.p99 <= 1.05 * A.p99}, {@code p99 <= baseline * 1.10}: the ratio left / right
 *       against the factor ({@code ratio}) — paired round by round for runs of one plan,
 *       independent sides for a stored baseline; a side without rounds counts as one exact value;</li>
 *   <li>the same as {@code left - factor * right} against 0 ({@code difference}) when the right
 *       side is 0, where a ratio means nothing.</li>
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class IntervalJudge {
    private IntervalJudge() {
    }

    /** The right-hand side: a metric of a resolver times a factor, or a literal (resolver null). */
    record Right(MetricResolver resolver, String run, String metric, double factor, double literal) {
    }

    /**
     * {@code single} judged on intervals when either side has rounds, else {@code single} as it is.
     *
     * @param left the resolver of the left-hand metric (the current runs)
     */
    static GateResult judge(GateResult single, Operator operator, MetricResolver left, String run,
            String metric, Right right) {
        Optional<Samples> leftSamples = left.samples(run, metric);
        if (right.resolver() == null) {
            return leftSamples.flatMap(Bootstrap::of)
                    .map(i -> decide(single, operator, RoundInterval.VALUE, i, right.literal(), true))
                    .orElse(single);
        }
        Optional<Samples> rightSamples = right.resolver().samples(right.run(), right.metric());
        if (leftSamples.isEmpty() && rightSamples.isEmpty() || right.factor() == 0) {
            return single;
        }
        Samples l = leftSamples.orElse(Samples.values(single.measured()));
        Samples r = rightSamples.orElse(Samples.values(single.limit() / right.factor()));
        boolean paired = right.resolver() == left;
        Optional<Interval> ratio = Bootstrap.ratio(l, r, paired);
        if (ratio.isPresent()) {
            return decide(single, operator, RoundInterval.RATIO, ratio.get(), right.factor(), false);
        }
        return Bootstrap.difference(l, r, right.factor(), paired)
                .map(i -> decide(single, operator, RoundInterval.DIFFERENCE, i, 0.0, true))
                .orElse(single);
    }

    /**
     * @param threshold    what the interval is compared with, in the metric's native unit
     * @param inMetricUnit true when the interval's values are in the metric's unit (shown as the
     *                     table shows the metric), false for a unitless ratio
     */
    private static GateResult decide(GateResult single, Operator operator, String statistic,
            Interval interval, double threshold, boolean inMetricUnit) {
        Outcome outcome = outcome(operator, interval, threshold);
        Quantity q = single.quantity();
        Interval shown = inMetricUnit ? interval.scaled(q.display(1)) : interval;
        double shownThreshold = inMetricUnit ? q.display(threshold) : threshold;
        RoundInterval stored = RoundInterval.of(statistic, shown, shownThreshold);
        String why = outcome != Outcome.INCONCLUSIVE ? null : String.format(Locale.ROOT,
                "the %.0f%% interval of the %s, %s, straddles %s", interval.confidence() * 100,
                statistic, shown.format(3), String.format(Locale.ROOT, "%.3f", shownThreshold));
        return single.withInterval(stored, outcome, why);
    }

    /** Pass: every value of the interval holds; fail: none does (and == excludes it); else inconclusive. */
    static Outcome outcome(Operator operator, Interval interval, double threshold) {
        boolean low = operator.holds(interval.low(), threshold);
        boolean high = operator.holds(interval.high(), threshold);
        if (low && high) {
            return Outcome.PASS;
        }
        boolean excluded = operator != Operator.EQUAL || !interval.contains(threshold);
        return !low && !high && excluded ? Outcome.FAIL : Outcome.INCONCLUSIVE;
    }
}
