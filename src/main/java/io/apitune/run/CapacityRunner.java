package io.apitune.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.apitune.gate.CapacitySearch;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.load.LimitCause;
import io.apitune.report.model.CapacityAnswer;
import io.apitune.report.model.CapacityStep;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.Results;

/**
 * Wires {@link CapacitySearch} to real runs: each step runs the base run at the step's rate
 * (open model, its own warm-up), checks the SLO gates on the step's report, prints a line and
 * records the curve (rate against p50, p99 and error rate) in the combined capacity report.
 *
 * <p>Single-threaded: steps run one after another on the caller's thread.
 */
public final class CapacityRunner {
    private final RunDriver driver;
    private final CapacitySearch search;
    private final PrintWriter out;
    private final List<CapacityStep> steps = new ArrayList<>();
    private final List<RunResult> runs = new ArrayList<>();

    public CapacityRunner(RunDriver driver, CapacitySearch search, PrintWriter out) {
        this.driver = driver;
        this.search = search;
        this.out = out;
    }

    /**
     * The answer (requests per second; NaN when no step passed), and the rate at which the load
     * generator became the limit (NaN when it never did: then the answer is the target's).
     */
    public record Outcome(double answerPerSecond, boolean converged, int steps, boolean interrupted,
            double generatorLimitedAt, Path reportFile) {
    }

    /**
     * @param base      the run to repeat at each step's rate (its rate is replaced)
     * @param slo       the SLO as gates on an unnamed run, already validated
     * @param sloText   the SLO as the user wrote it, for the report
     * @param reportDir the combined report's directory; steps go to subdirectories
     */
    public Outcome run(RunSpec base, GateCheck slo, String sloText, Path reportDir) {
        Instant start = Instant.now();
        CapacitySearch.Result<CapacityStep> result = null;
        double limitedAt = Double.NaN;
        boolean interrupted = false;
        try {
            result = search.search(rate -> measure(base, slo, rate, reportDir));
        } catch (Interrupted e) {
            interrupted = true;
        } catch (GeneratorLimit e) {
            limitedAt = e.rate;
        }
        double rate = result != null ? result.answer().orElse(Double.NaN)
                : Double.isNaN(limitedAt) ? Double.NaN : bestPassing();
        boolean converged = result != null && result.converged();
        CombinedReport combined = CombinedReport.capacity(reportDir.getFileName().toString(),
                base.name(), interrupted, start.toString(), Instant.now().toString(),
                PlanRunner.reports(runs), List.copyOf(steps), sloText,
                new CapacityAnswer(Double.isNaN(rate) ? null : rate, converged, search.tolerance(),
                        Double.isNaN(limitedAt) ? null : limitedAt));
        if (interrupted) {
            out.println("interrupted: capacity search stopped after " + steps.size() + " steps");
        } else if (result != null) {
            printAnswer(result, sloText);
        }
        Path file = PlanRunner.write(reportDir, combined, out);
        return new Outcome(rate, converged, steps.size(), interrupted, limitedAt, file);
    }

    private CapacitySearch.Step<CapacityStep> measure(RunSpec base, GateCheck slo, double rate,
            Path reportDir) {
        String name = String.format(Locale.ROOT, "step%02d", steps.size() + 1);
        RunResult run = driver.run(base.withRate(name, rate), reportDir.resolve(name));
        List<GateResult> verdict = slo.evaluate(ReportMetrics.ofRuns(Map.of(name, run.report())));
        boolean passed = !run.interrupted() && verdict.stream().allMatch(GateResult::passed);
        CapacityStep step = step(rate, run.report().results(), passed, name);
        steps.add(step);
        runs.add(run);
        printStep(step);
        if (run.interrupted()) {
            throw new Interrupted();
        }
        Results results = run.report().results();
        // A limited step still counts when the generator's delay cannot have decided its verdict
        // (a miss that holds even at the least the target's latency can be, GeneratorBias).
        boolean undecided = verdict.stream().anyMatch(r -> r.outcome() == io.apitune.gate.Outcome.INCONCLUSIVE);
        if (undecided && results.limited()
                && !results.generator().causes().equals(List.of(LimitCause.CONNECTIONS.key()))) {
            out.printf(Locale.ROOT, "%ncapacity: generator limit reached at %.1f/s (%s); the target's "
                    + "capacity is above what this generator can offer%s%n", rate, results.generator().reason(),
                    Double.isNaN(bestPassing()) ? "" : String.format(Locale.ROOT,
                            ", and at least %.1f/s", bestPassing()));
            out.flush();
            throw new GeneratorLimit(rate);
        }
        return new CapacitySearch.Step<>(rate, passed, step);
    }

    /** The highest rate of a step that met the SLO so far, NaN when none did. */
    private double bestPassing() {
        return steps.stream().filter(CapacityStep::passed).mapToDouble(CapacityStep::rate).max().orElse(Double.NaN);
    }

    /** Thrown out of the search when the generator, not the target, set a step's numbers. */
    private static final class GeneratorLimit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double rate;

        GeneratorLimit(double rate) {
            super("generator limit", null, false, false);
            this.rate = rate;
        }
    }

    /** Thrown out of the search when Ctrl-C interrupted a step. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    private static CapacityStep step(double rate, Results r, boolean passed, String dir) {
        LatencySummary latency = r.latency();
        return new CapacityStep(rate, r.throughput(),
                latency == null ? null : latency.get("p50").orElse(null),
                latency == null ? null : latency.get("p99").orElse(null), r.errorRate(), passed, dir);
    }

    private void printStep(CapacityStep step) {
        out.printf(Locale.ROOT, "capacity step: rate %.1f/s -> throughput %.1f/s, p50 %.3f ms, "
                + "p99 %.3f ms, errors %.2f%%: %s%n", step.rate(), orNaN(step.throughput()),
                orNaN(step.p50()), orNaN(step.p99()), orNaN(step.errorRate()) * 100,
                step.passed() ? "meets SLO" : "misses SLO");
        out.flush();
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private void printAnswer(CapacitySearch.Result<CapacityStep> result, String sloText) {
        if (result.answer().isEmpty()) {
            out.printf(Locale.ROOT, "%ncapacity: no rate from %.1f/s down met %s%n",
                    search.startRatePerSecond(), sloText);
            return;
        }
        out.printf(Locale.ROOT, "%ncapacity: %.1f/s meets %s (%s after %d steps)%n",
                result.answer().getAsDouble(), sloText, result.converged()
                        ? String.format(Locale.ROOT, "converged within %.0f%%", search.tolerance() * 100)
                        : "NOT converged: step bound reached", result.steps().size());
    }
}
