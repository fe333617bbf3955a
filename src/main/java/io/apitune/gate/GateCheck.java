package io.apitune.gate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apitune.ApituneException;
import io.apitune.report.Reports;
import io.apitune.report.model.ReportDocument;

/**
 * The gates of one command (from a scenario file and {@code --gate} flags) with the optional
 * baseline report: validated against the run names before any load is sent, then evaluated on
 * the measured reports, printed as a table and optionally written as JUnit XML.
 *
 * <p>Configured once on the command's thread, then read-only.
 */
public final class GateCheck {
    private final List<Gate> gates;
    private final MetricResolver baseline;
    private final Path junitFile;
    private final String baselineNote;
    private boolean allowLimited;

    /**
     * @param gates        parsed gates, may be empty
     * @param baselineFile a report.json to compare {@code baseline} gates with, or null
     * @param junitFile    where to write JUnit XML, or null
     * @throws ApituneException (exit 2) when the baseline cannot be read or the JUnit file
     *                          cannot be written
     */
    public GateCheck(List<Gate> gates, Path baselineFile, Path junitFile) {
        if (junitFile != null) {
            JUnitReport.checkWritable(junitFile);
        }
        ReportDocument doc = baselineFile == null ? null : readBaseline(baselineFile);
        this.gates = List.copyOf(gates);
        this.baseline = doc == null ? null : ReportMetrics.of(doc);
        this.junitFile = junitFile;
        this.baselineNote = doc == null ? null
                : Reports.versionNote("the baseline " + baselineFile, doc).orElse(null);
    }

    private GateCheck(List<Gate> gates, MetricResolver baseline, Path junitFile, String baselineNote) {
        this.gates = List.copyOf(gates);
        this.baseline = baseline;
        this.junitFile = junitFile;
        this.baselineNote = baselineNote;
    }

    /** The same check without the gates that name any of {@code runs} (runs that were skipped). */
    public GateCheck without(java.util.Set<String> runs) {
        List<Gate> kept = gates.stream().filter(g -> runs.stream().noneMatch(g::refersTo)).toList();
        return new GateCheck(kept, baseline, junitFile, baselineNote).allowLimited(allowLimited);
    }

    /**
     * Decide gates even on runs the load generator limited ({@code --allow-limited}); without it
     * their gates are inconclusive (exit 5). Set before {@link #evaluate}.
     */
    public GateCheck allowLimited(boolean value) {
        this.allowLimited = value;
        return this;
    }

    /** Scenario gates first, then the {@code --gate} texts, parsed. */
    public static List<Gate> combine(List<Gate> fromFile, List<String> fromFlags) {
        List<Gate> all = new ArrayList<>(fromFile);
        for (String text : fromFlags) {
            try {
                all.add(GateParser.parse(text));
            } catch (ApituneException e) {
                throw ApituneException.invalidInput("--gate: " + e.getMessage());
            }
        }
        return all;
    }

    public List<Gate> gates() {
        return gates;
    }

    public boolean isEmpty() {
        return gates.isEmpty();
    }

    /**
     * Checks every run, request and metric name, and that a gate aborting a run compares within
     * that run; call before any load is sent.
     *
     * @param runsAndRequests per run name, the names of its mix's requests (may be empty)
     */
    public void validate(java.util.Map<String, List<String>> runsAndRequests) {
        GateEvaluator evaluator = new GateEvaluator(ReportMetrics.namesOnly(runsAndRequests), baseline);
        for (Gate gate : gates) {
            try {
                evaluator.evaluate(gate);
                withinOneRun(gate, runsAndRequests.keySet());
            } catch (ApituneException e) {
                throw gate.origin() == null ? e
                        : ApituneException.invalidInput(gate.origin() + ": " + e.getMessage());
            }
        }
    }

    /** A gate judged on a run's window can only compare that run's own figures. */
    private static void withinOneRun(Gate gate, java.util.Set<String> runs) {
        if (!gate.aborts() || !(gate.bound() instanceof Gate.Relative relative)) {
            return;
        }
        java.util.Optional<String> right = relative.reference().runName().filter(runs::contains);
        java.util.Optional<String> left = gate.left().runName().filter(runs::contains);
        if (right.isPresent() && !right.equals(left)) {
            throw GateParser.error(gate.text(), "abort-on-fail compares what one run's window "
                    + "measured: with a number or a metric of the same run, not of run " + right.get());
        }
    }

    /** The gates judged on a sliding window while a run goes on ({@code abort-on-fail}). */
    public List<Gate> aborting() {
        return gates.stream().filter(Gate::aborts).toList();
    }

    /** Evaluates against measured runs (name to report.json document of that run). */
    public List<GateResult> evaluate(MetricResolver measured) {
        return new GateEvaluator(measured, baseline, allowLimited).evaluate(gates);
    }

    /**
     * Prints the table, writes the JUnit XML if asked, and returns the exit code: 0 when every
     * gate passed (or there are none), 1 when any failed, else 5 when any was inconclusive.
     *
     * @param suite the JUnit suite name (scenario or run name)
     */
    public int report(List<GateResult> results, PrintWriter out, String suite) {
        if (baselineNote != null && gates.stream().anyMatch(g -> g.bound() instanceof Gate.Baseline)) {
            out.println(baselineNote);
        }
        GateTable.print(results, out);
        if (junitFile != null) {
            JUnitReport.write(junitFile, suite, results);
        }
        return GateTable.exitCode(results);
    }

    private static ReportDocument readBaseline(Path file) {
        try {
            return Reports.read(file);
        } catch (ApituneException e) {
            throw ApituneException.invalidInput("--baseline: " + e.getMessage());
        }
    }
}
