package io.apitune.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import io.apitune.ApituneException;

/**
 * Evaluates gates against a {@link MetricResolver} (and, for {@code baseline} gates, a second
 * resolver over the baseline report). An unknown run or metric, a missing baseline, or a limit
 * whose unit does not fit the metric is an {@link ApituneException} with exit 2 — never a pass.
 * Run it once against {@link ReportMetrics#namesOnly} before any load is sent to fail fast.
 *
 * <p>Stateless; thread-safe as long as the resolvers are not shared between threads.
 */
public final class GateEvaluator {
    private final MetricResolver current;
    private final MetricResolver baseline;
    private final boolean allowLimited;

    /** @param baseline resolver over the {@code --baseline} report, or null when none was given */
    public GateEvaluator(MetricResolver current, MetricResolver baseline) {
        this(current, baseline, false);
    }

    /**
     * @param allowLimited decide gates even on runs the load generator limited ({@code
     *                     --allow-limited}); otherwise such gates are inconclusive
     */
    public GateEvaluator(MetricResolver current, MetricResolver baseline, boolean allowLimited) {
        this.current = current;
        this.baseline = baseline;
        this.allowLimited = allowLimited;
    }

    /** One result per gate and run (an unqualified metric is checked on every default run). */
    public List<GateResult> evaluate(List<Gate> gates) {
        List<GateResult> results = new ArrayList<>();
        for (Gate gate : gates) {
            results.addAll(evaluate(gate));
        }
        return List.copyOf(results);
    }

    public List<GateResult> evaluate(Gate gate) {
        List<GateResult> results = new ArrayList<>();
        for (Target left : targets(gate, gate.left(), current, null)) {
            Measured measured = left.measured();
            double limit = limit(gate, left);
            GateResult single = new GateResult(gate.text(), left.run(), measured.value(), limit,
                    measured.quantity(), measured.label(),
                    gate.operator().holds(measured.value(), limit));
            GateResult judged = IntervalJudge.judge(single, gate.operator(), current, left.run(),
                    left.metric(), right(gate, left));
            Optional<String> doubt = partial(gate, left);
            if (doubt.isEmpty() && !allowLimited && judged.outcome() != Outcome.INCONCLUSIVE) {
                doubt = doubt(gate, left, judged.passed(), limit);
            }
            results.add(doubt.map(judged::inconclusive).orElse(judged));
        }
        return List.copyOf(results);
    }

    /** Why the gate cannot be decided at all, if it cannot: a side of it is a partial run. */
    private Optional<String> partial(Gate gate, Target left) {
        Optional<String> reason = current.partialReason(left.run());
        if (reason.isEmpty() && gate.bound() instanceof Gate.Relative relative) {
            reason = current.partialReason(targets(gate, relative.reference(), current, left.run())
                    .get(0).run());
        }
        return reason;
    }

    /**
     * Why the outcome cannot be trusted, if it cannot: a side of the gate was measured on a run
     * the load generator limited, and the way it may have moved that figure could flip it.
     */
    private Optional<String> doubt(Gate gate, Target left, boolean held, double limit) {
        if (current.bias(left.run(), left.metric()).couldFlip(gate.operator(), true, held)
                && !failsEvenAtFloor(gate, left, held, limit)) {
            return current.limitedReason(left.run());
        }
        if (gate.bound() instanceof Gate.Relative relative) {
            Target right = targets(gate, relative.reference(), current, left.run()).get(0);
            if (current.bias(right.run(), right.metric()).couldFlip(gate.operator(), false, held)) {
                return current.limitedReason(right.run());
            }
        }
        return Optional.empty();
    }

    /**
     * True when a latency gate that failed would still fail at the least the target's true value
     * can be (the generator only raised it): then the failure is the target's, limited or not.
     */
    private boolean failsEvenAtFloor(Gate gate, Target left, boolean held, double limit) {
        OptionalDouble floor = current.floor(left.run(), left.metric());
        return !held && floor.isPresent() && !gate.operator().holds(floor.getAsDouble(), limit);
    }

    private double limit(Gate gate, Target left) {
        Measured l = left.measured();
        if (gate.bound() instanceof Gate.Literal literal) {
            requireFits(gate, l.quantity(), literal.unit());
            return literal.value();
        }
        if (gate.bound() instanceof Gate.Relative relative) {
            Target right = targets(gate, relative.reference(), current, left.run()).get(0);
            requireSameQuantity(gate, l, right.measured());
            return relative.factor() * right.measured().value();
        }
        Gate.Baseline base = (Gate.Baseline) gate.bound();
        if (baseline == null) {
            throw GateParser.error(gate.text(), "compares with the baseline but no --baseline "
                    + "report was given");
        }
        String run = baselineRun(gate, left.run());
        Measured b = baseline.lookup(run, left.metric()).orElseThrow(() -> GateParser.error(
                gate.text(), "the baseline has no metric '" + left.metric() + "'"));
        return base.factor() * b.value();
    }

    /** The right-hand side of {@code gate} for {@code left}, for judging on rounds. */
    private IntervalJudge.Right right(Gate gate, Target left) {
        if (gate.bound() instanceof Gate.Relative relative) {
            Target right = targets(gate, relative.reference(), current, left.run()).get(0);
            return new IntervalJudge.Right(current, right.run(), right.metric(), relative.factor(), Double.NaN);
        }
        if (gate.bound() instanceof Gate.Baseline base) {
            return new IntervalJudge.Right(baseline, baselineRun(gate, left.run()), left.metric(),
                    base.factor(), Double.NaN);
        }
        return new IntervalJudge.Right(null, null, null, 1, ((Gate.Literal) gate.bound()).value());
    }

    private String baselineRun(Gate gate, String run) {
        if (baseline.runs().contains(run)) {
            return run;
        }
        if (baseline.defaultRuns().size() == 1) {
            return baseline.defaultRuns().get(0);
        }
        throw GateParser.error(gate.text(), "the baseline has no run '" + run + "' (it has "
                + String.join(", ", baseline.defaultRuns()) + ")");
    }

    /**
     * Resolves a reference: qualified by a known run, else unqualified on {@code sameRun} (the
     * left side's run, for the right side) or on every default run.
     */
    private static List<Target> targets(Gate gate, Gate.Reference ref, MetricResolver resolver,
            String sameRun) {
        Optional<String[]> split = ref.qualified();
        if (split.isPresent() && resolver.runs().contains(split.get()[0])) {
            return List.of(target(gate, resolver, split.get()[0], split.get()[1]));
        }
        List<String> runs = sameRun != null ? List.of(sameRun) : resolver.defaultRuns();
        if (sameRun == null && runs.size() > 1) {
            // A request's metric (search.p99) is checked on the runs whose mix has that request.
            List<String> knowing = runs.stream().filter(r -> resolver.lookup(r, ref.path()).isPresent()).toList();
            runs = knowing.isEmpty() ? runs : knowing;
        }
        if (runs.isEmpty()) {
            throw GateParser.error(gate.text(), "'" + ref + "' needs a run name (one of "
                    + String.join(", ", resolver.runs()) + ")");
        }
        if (split.isPresent() && resolver.lookup(runs.get(0), ref.path()).isEmpty()
                && resolver.lookup(runs.get(0), split.get()[1]).isPresent()) {
            throw GateParser.error(gate.text(), "unknown run '" + split.get()[0] + "' (runs: "
                    + String.join(", ", resolver.runs()) + ")");
        }
        List<Target> targets = new ArrayList<>();
        for (String run : runs) {
            targets.add(target(gate, resolver, run, ref.path()));
        }
        return targets;
    }

    private static Target target(Gate gate, MetricResolver resolver, String run, String metric) {
        Measured m = resolver.lookup(run, metric).orElseThrow(() -> GateParser.error(gate.text(),
                "unknown metric '" + metric + "' (known: " + resolver.knownMetrics() + ")"));
        return new Target(run, metric, m);
    }

    private static void requireFits(Gate gate, Quantity quantity, Gate.LiteralUnit unit) {
        boolean fits = switch (quantity) {
            case DURATION_MS -> unit == Gate.LiteralUnit.DURATION;
            case FRACTION -> unit == Gate.LiteralUnit.PERCENT || unit == Gate.LiteralUnit.BARE;
            case RATE_PER_SECOND -> unit == Gate.LiteralUnit.PER_SECOND
                    || unit == Gate.LiteralUnit.BARE;
            case COUNT, PLAIN -> unit == Gate.LiteralUnit.BARE;
        };
        if (!fits) {
            throw GateParser.error(gate.text(), "the limit's unit does not fit the metric "
                    + "(write " + example(quantity) + ")");
        }
    }

    private static String example(Quantity quantity) {
        return switch (quantity) {
            case DURATION_MS -> "a duration such as 25ms or 1.5s";
            case FRACTION -> "a percentage such as 0.1%";
            case RATE_PER_SECOND -> "a rate such as 900/s";
            case COUNT, PLAIN -> "a plain number";
        };
    }

    private static void requireSameQuantity(Gate gate, Measured left, Measured right) {
        if (left.quantity() != right.quantity() || !left.label().equals(right.label())) {
            throw GateParser.error(gate.text(), "compares " + describe(left) + " with "
                    + describe(right));
        }
    }

    private static String describe(Measured m) {
        String unit = m.quantity().label(m.label());
        return unit.isEmpty() ? "a count" : "'" + unit + "'";
    }

    private record Target(String run, String metric, Measured measured) {
    }
}
