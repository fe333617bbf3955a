package io.apitune.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.server.Mode;

/**
 * Executes a scenario's runs in order, each into its own directory under the combined report's
 * directory, then evaluates the gates on the measured runs, prints the gate table and writes the
 * combined report.json. If a run is interrupted (Ctrl-C) the remaining runs are skipped and no
 * gate is evaluated: an incomplete scenario never passes. A run this JVM cannot execute (mode
 * {@code virtual} before Java 21) is skipped with a message, and so are the gates that name it.
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
        CombinedReport combined = new CombinedReport("scenario", reportDir.getFileName().toString(),
                scenario.name(), Instant.now());
        Map<String, JsonNode> measured = new LinkedHashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        boolean interrupted = false;
        for (int i = 0; i < scenario.runs().size() && !interrupted; i++) {
            RunSpec spec = scenario.runs().get(i);
            out.printf(Locale.ROOT, "%n== %s: run %d/%d: %s (%s)%n", scenario.name(), i + 1,
                    scenario.runs().size(), spec.name(), describe(spec.target()));
            out.flush();
            Optional<String> unavailable = unavailable(spec.target());
            if (unavailable.isPresent()) {
                out.println("skipped: " + unavailable.get());
                skipped.add(spec.name());
                continue;
            }
            RunResult result = driver.run(spec, reportDir.resolve(spec.name()));
            combined.addRun(result.report().deepCopy().put("dir", spec.name()));
            measured.put(spec.name(), result.report());
            interrupted = result.interrupted();
        }
        combined.document().set("skippedRuns", JsonNodeFactory.instance.arrayNode()
                .addAll(skipped.stream().map(TextNode::valueOf).toList()));
        List<GateResult> results = List.of();
        int exitCode = 1;
        if (interrupted) {
            out.println("interrupted: remaining runs skipped, gates not evaluated");
        } else {
            GateCheck applicable = gates.without(skipped);
            gates.gates().stream().filter(g -> !applicable.gates().contains(g)).forEach(g ->
                    out.println("skipped gate: " + g.text() + " (names a skipped run)"));
            results = measured.isEmpty() ? List.of() : applicable.evaluate(ReportMetrics.ofRuns(measured));
            exitCode = applicable.report(results, out, scenario.name());
            combined.gates(results);
        }
        Path file = combined.write(reportDir, Instant.now());
        out.println("report: " + file);
        out.flush();
        return new Outcome(file, results, interrupted, exitCode);
    }

    /**
     * Why a target cannot run in this JVM, if it cannot: the in-process {@code virtual} mode
     * needs virtual threads (Java 21+).
     */
    static Optional<String> unavailable(TargetSpec target) {
        if (target.kind() == TargetSpec.Kind.MODE && target.mode() == Mode.VIRTUAL
                && Runtime.version().feature() < 21) {
            return Optional.of("mode virtual needs Java 21 or newer; this JVM is "
                    + Runtime.version().feature());
        }
        return Optional.empty();
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
