package io.apitune.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.apitune.ApituneException;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.server.Mode;
import io.apitune.server.VirtualThreads;

/**
 * Executes a scenario's runs in order, each into its own directory under the combined report's
 * directory, then evaluates the gates on the measured runs, prints the gate table and writes the
 * combined report.json. If a run is interrupted (Ctrl-C) the remaining runs are skipped and no
 * gate is evaluated: an incomplete scenario never passes (exit 3, as for an interrupted bench). A run this JVM cannot execute (mode
 * {@code virtual} before Java 21) is skipped with a message, and so are the gates that name it.
 *
 * <p>Single-threaded: runs are executed one after another on the caller's thread.
 */
public final class ScenarioRunner {
    private final RunDriver driver;
    private final PrintWriter out;
    private final String kind;
    private final BiConsumer<List<RunResult>, CombinedReport> summary;

    public ScenarioRunner(RunDriver driver, PrintWriter out) {
        this(driver, out, "scenario", (results, report) -> { });
    }

    /**
     * @param kind    the combined report's {@code kind}: {@code scenario} or {@code compare}
     * @param summary called after the runs, before the gates: prints and records extra tables
     */
    public ScenarioRunner(RunDriver driver, PrintWriter out, String kind,
            BiConsumer<List<RunResult>, CombinedReport> summary) {
        this.driver = driver;
        this.out = out;
        this.kind = kind;
        this.summary = summary;
    }

    /**
     * What the scenario produced; {@code exitCode} is 0 when all gates passed, 1 when any failed,
     * 3 when a run was interrupted.
     */
    public record Outcome(Path reportFile, List<RunResult> runs, List<GateResult> gates,
            boolean interrupted, int exitCode) {
    }

    /**
     * @param gates     already validated against the scenario's run names
     * @param reportDir the combined report's directory, e.g. {@code reports/<runId>}
     */
    public Outcome run(Scenario scenario, GateCheck gates, Path reportDir) {
        CombinedReport combined = new CombinedReport(kind, reportDir.getFileName().toString(),
                scenario.name(), Instant.now());
        List<RunResult> runs = new ArrayList<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (int i = 0; i < scenario.runs().size(); i++) {
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
            runs.add(result);
            if (result.interrupted()) {
                break;
            }
        }
        combined.document().set("skippedRuns", JsonNodeFactory.instance.arrayNode()
                .addAll(skipped.stream().map(TextNode::valueOf).toList()));
        return finish(scenario, gates, reportDir, combined, runs, skipped);
    }

    private Outcome finish(Scenario scenario, GateCheck gates, Path reportDir,
            CombinedReport combined, List<RunResult> runs, Set<String> skipped) {
        boolean interrupted = runs.stream().anyMatch(RunResult::interrupted);
        summary.accept(List.copyOf(runs), combined);
        List<GateResult> results = List.of();
        int exitCode = ApituneException.TARGET_FAILURE;
        if (interrupted) {
            out.println("interrupted: remaining runs skipped, gates not evaluated");
        } else {
            GateCheck applicable = gates.without(skipped);
            gates.gates().stream().filter(g -> !applicable.gates().contains(g)).forEach(g ->
                    out.println("skipped gate: " + g.text() + " (names a skipped run)"));
            Map<String, JsonNode> measured = new LinkedHashMap<>();
            runs.forEach(r -> measured.put(r.spec().name(), r.report()));
            results = measured.isEmpty() ? List.of()
                    : applicable.evaluate(ReportMetrics.ofRuns(measured));
            exitCode = applicable.report(results, out, scenario.name());
            combined.gates(results);
        }
        Path file = combined.write(reportDir, Instant.now());
        out.println("report: " + file);
        out.flush();
        return new Outcome(file, List.copyOf(runs), results, interrupted, exitCode);
    }

    /**
     * Why a target cannot run in this JVM, if it cannot: the in-process {@code virtual} mode
     * needs virtual threads (Java 21+).
     */
    static Optional<String> unavailable(TargetSpec target) {
        if (target.kind() == TargetSpec.Kind.MODE && target.mode() == Mode.VIRTUAL
                && !VirtualThreads.supported()) {
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
