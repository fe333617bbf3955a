package io.apitune.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;

/**
 * Executes a scenario's runs in order, each into its own directory under the combined report's
 * directory, then evaluates the gates on the measured runs, prints the gate table and writes the
 * combined report.json. If a run is interrupted (Ctrl-C) the remaining runs are skipped and no
 * gate is evaluated: an incomplete scenario never passes.
 *
 * <p>Single-threaded: runs are executed one after another on the caller's thread.
 */
public final class ScenarioRunner {
    private final RunDriver driver;
    private final PrintWriter out;

    public ScenarioRunner(RunDriver driver, PrintWriter out) {
        this.driver = driver;
        this.out = out;
    }

    /** What the scenario produced; {@code exitCode} is 0 when all gates passed, else 1. */
    public record Outcome(Path reportFile, List<GateResult> gates, boolean interrupted, int exitCode) {
    }

    /**
     * @param gates     already validated against the scenario's run names
     * @param reportDir the combined report's directory, e.g. {@code reports/<runId>}
     */
    public Outcome run(Scenario scenario, GateCheck gates, Path reportDir) {
        Instant start = Instant.now();
        CombinedReport combined = new CombinedReport("scenario", reportDir.getFileName().toString(),
                scenario.name(), start);
        Map<String, JsonNode> measured = new LinkedHashMap<>();
        boolean interrupted = false;
        int index = 0;
        for (RunSpec spec : scenario.runs()) {
            index++;
            out.printf(Locale.ROOT, "%n== %s: run %d/%d: %s (%s)%n", scenario.name(), index,
                    scenario.runs().size(), spec.name(), describe(spec.target()));
            out.flush();
            RunResult result = driver.run(spec, reportDir.resolve(spec.name()));
            ObjectNode doc = result.report().deepCopy();
            doc.put("dir", spec.name());
            combined.addRun(doc);
            measured.put(spec.name(), result.report());
            if (result.interrupted()) {
                interrupted = true;
                break;
            }
        }
        List<GateResult> results = List.of();
        int exitCode;
        if (interrupted) {
            out.println("interrupted: remaining runs skipped, gates not evaluated");
            exitCode = 1;
        } else {
            results = gates.evaluate(ReportMetrics.ofRuns(measured));
            exitCode = gates.report(results, out, scenario.name());
            combined.gates(results);
        }
        Path file = combined.write(reportDir, Instant.now());
        out.println("report: " + file);
        out.flush();
        return new Outcome(file, results, interrupted, exitCode);
    }

    /** A short description of a target for headings: {@code mode async}, a URL. */
    public static String describe(TargetSpec target) {
        return switch (target.kind()) {
            case MODE -> "mode " + target.mode() + queries(target);
            case SERVER -> "mode " + target.mode() + queries(target) + " at " + target.baseUrl();
            case URL -> target.url();
        };
    }

    private static String queries(TargetSpec target) {
        return target.queries() == null ? "" : ", queries=" + target.queries();
    }
}
