package io.apitune.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.apitune.gate.CapacitySearch;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.load.LoadConfig;

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

    public CapacityRunner(RunDriver driver, CapacitySearch search, PrintWriter out) {
        this.driver = driver;
        this.search = search;
        this.out = out;
    }

    /** The answer (requests per second; NaN when no step passed) and the report written. */
    public record Outcome(double answerPerSecond, boolean converged, int steps, boolean interrupted,
            Path reportFile) {
    }

    /**
     * @param base      the run to repeat at each step's rate (its rate is replaced)
     * @param slo       the SLO as gates on an unnamed run, already validated
     * @param sloText   the SLO as the user wrote it, for the report
     * @param reportDir the combined report's directory; steps go to subdirectories
     */
    public Outcome run(RunSpec base, GateCheck slo, String sloText, Path reportDir) {
        Instant start = Instant.now();
        CombinedReport combined = new CombinedReport("capacity", reportDir.getFileName().toString(),
                base.name(), start);
        ArrayNode steps = combined.document().putArray("steps");
        CapacitySearch.Result<ObjectNode> result;
        try {
            result = search.search(rate -> measure(base, slo, rate, reportDir, combined, steps));
        } catch (Interrupted e) {
            result = null;
        }
        combined.document().put("slo", sloText);
        ObjectNode answer = combined.document().putObject("answer");
        double rate = result == null ? Double.NaN : result.answer().orElse(Double.NaN);
        boolean converged = result != null && result.converged();
        putNumber(answer, "rate", rate);
        answer.put("converged", converged).put("tolerance", search.tolerance());
        Path file = combined.write(reportDir, Instant.now());
        if (result == null) {
            out.println("interrupted: capacity search stopped after " + steps.size() + " steps");
        } else {
            printAnswer(result, sloText);
        }
        out.println("report: " + file);
        out.flush();
        return new Outcome(rate, converged, steps.size(), result == null, file);
    }

    private CapacitySearch.Step<ObjectNode> measure(RunSpec base, GateCheck slo, double rate,
            Path reportDir, CombinedReport combined, ArrayNode steps) {
        String name = String.format(Locale.ROOT, "step%02d", steps.size() + 1);
        RunSpec spec = new RunSpec(name, base.target(), withRate(base.load(), rate));
        RunResult run = driver.run(spec, reportDir.resolve(name));
        List<GateResult> verdict = slo.evaluate(ReportMetrics.ofRuns(Map.of(name, run.report())));
        boolean passed = !run.interrupted() && verdict.stream().allMatch(GateResult::passed);
        ObjectNode step = stepRow(rate, run.report(), passed, name);
        steps.add(step);
        combined.addRun(run.report().deepCopy().put("dir", name));
        printStep(step);
        if (run.interrupted()) {
            throw new Interrupted();
        }
        return new CapacitySearch.Step<>(rate, passed, step);
    }

    /** Thrown out of the search when Ctrl-C interrupted a step. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("interrupted", null, false, false);
        }
    }

    static LoadConfig withRate(LoadConfig c, double ratePerSecond) {
        return new LoadConfig(c.request(), c.keys(), ratePerSecond, c.arrival(), c.connections(),
                c.duration(), c.requests(), c.warmup(), c.rampUp(), c.timeout());
    }

    private static ObjectNode stepRow(double rate, JsonNode report, boolean passed, String dir) {
        JsonNode results = report.path("results");
        ObjectNode step = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        step.put("rate", rate);
        putNumber(step, "throughput", results.path("throughput").asDouble(Double.NaN));
        putNumber(step, "p50", results.path("latency").path("p50").asDouble(Double.NaN));
        putNumber(step, "p99", results.path("latency").path("p99").asDouble(Double.NaN));
        putNumber(step, "errorRate", results.path("errorRate").asDouble(Double.NaN));
        step.put("passed", passed).put("dir", dir);
        return step;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private void printStep(ObjectNode step) {
        out.printf(Locale.ROOT, "capacity step: rate %.1f/s -> throughput %.1f/s, p50 %.3f ms, "
                + "p99 %.3f ms, errors %.2f%%: %s%n", step.path("rate").asDouble(),
                step.path("throughput").asDouble(Double.NaN), step.path("p50").asDouble(Double.NaN),
                step.path("p99").asDouble(Double.NaN), step.path("errorRate").asDouble(Double.NaN) * 100,
                step.path("passed").asBoolean() ? "meets SLO" : "misses SLO");
        out.flush();
    }

    private void printAnswer(CapacitySearch.Result<ObjectNode> result, String sloText) {
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
