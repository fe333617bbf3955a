package io.apitune.run;

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

import io.apitune.ExitCodes;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.report.HtmlReport;
import io.apitune.report.Reports;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.ModeRow;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.ShardInfo;
import io.apitune.server.Mode;
import io.apitune.server.VirtualThreads;

/**
 * Executes a {@link RunPlan}'s runs in order, each into its own directory under the combined
 * report's directory, then evaluates the gates on the measured runs, prints the gate table and
 * writes the combined report.json and report.html. If a run is interrupted (Ctrl-C) the remaining
 * runs are skipped and no gate is evaluated: an incomplete plan never passes (exit 3, as for an
 * interrupted bench). A run this JVM cannot execute (mode {@code virtual} before Java 21) is
 * skipped with a message, and so are the gates that name it. For {@code compare} the side-by-side
 * table and one sentence per pair of runs ({@link Findings}) are printed and recorded. A plan
 * with rounds ({@link RunPlan#rounds()}) is measured in interleaved rounds by {@link RoundRunner},
 * its gates judged on confidence intervals, and with {@code until-conclusive} rounds are added
 * while a gate's interval straddles its limit.
 *
 * <p>Single-threaded: runs are executed one after another on the caller's thread.
 */
public final class PlanRunner {
    private final RunDriver driver;
    private final PrintWriter out;
    private final String kind;

    /** @param kind {@link CombinedReport#SCENARIO} or {@link CombinedReport#COMPARE} */
    public PlanRunner(RunDriver driver, PrintWriter out, String kind) {
        this.driver = driver;
        this.out = out;
        this.kind = kind;
    }

    /**
     * What the plan produced; {@code exitCode} is 0 when all gates passed, 1 when any failed,
     * 3 when a run was interrupted.
     */
    public record Outcome(Path reportFile, List<RunResult> runs, List<GateResult> gates,
            boolean interrupted, int exitCode) {
    }

    /**
     * @param gates     already validated against the plan's run names
     * @param reportDir the combined report's directory, e.g. {@code reports/<runId>}
     */
    public Outcome run(RunPlan plan, GateCheck gates, Path reportDir) {
        Instant start = Instant.now();
        Set<String> skipped = new LinkedHashSet<>();
        RoundRunner.Measured measured = plan.rounds().enabled() ? inRounds(plan, gates, reportDir, skipped)
                : runEach(plan, reportDir, skipped);
        List<RunResult> runs = measured.runs();
        boolean interrupted = measured.interrupted();
        warnLimited(runs);
        List<ModeRow> modes = null;
        List<RatioRow> ratios = null;
        List<String> findings = null;
        if (CombinedReport.COMPARE.equals(kind)) {
            modes = CompareTable.rows(runs);
            CompareTable.print(modes, out);
            findings = Findings.of(runs);
            Findings.print(findings, out);
            if (plan.rounds().enabled()) {
                ratios = RatioTable.rows(runs);
                RatioTable.print(ratios, out);
            }
        }
        List<GateResult> results = List.of();
        int exitCode = ExitCodes.TARGET_FAILURE;
        ShardInfo shard = plan.runs().isEmpty() ? null : ShardInfo.of(plan.runs().get(0).load());
        if (interrupted) {
            out.println("interrupted: remaining runs skipped, gates not evaluated");
        } else if (shard != null) {
            if (!gates.isEmpty()) {
                out.println("shard " + shard.label() + ": gates left for the merged result "
                        + "(apitune report merge of every shard's <run>/latency.hlog --gate …)");
            }
            exitCode = ExitCodes.OK;
        } else {
            results = evaluate(gates, runs, skipped);
            exitCode = gates.without(skipped).report(results, out, plan.name());
            if (measured.runs().stream().anyMatch(r -> r.report().abortedBy() != null)) {
                exitCode = ExitCodes.GATE_FAILED;
            }
        }
        CombinedReport combined = CombinedReport.plan(kind, reportDir.getFileName().toString(),
                plan.name(), interrupted, start.toString(), Instant.now().toString(), reports(runs),
                List.copyOf(skipped), modes,
                interrupted || shard != null ? null : results.stream().map(GateResult::toVerdict).toList())
                .withFindings(findings);
        if (shard != null) {
            combined = combined.asShard(shard, gates.gates().stream().map(g -> g.text()).toList());
        }
        if (plan.rounds().enabled()) {
            combined = combined.withRounds(runs.stream().mapToInt(r -> r.report().rounds().size())
                    .max().orElse(0), ratios);
        }
        Path file = write(reportDir, combined, out);
        return new Outcome(file, List.copyOf(runs), results, interrupted, exitCode);
    }

    /** One line naming the runs the load generator limited, if any. */
    private void warnLimited(List<RunResult> runs) {
        List<String> limited = runs.stream().filter(r -> r.report().results().limited())
                .map(r -> r.spec().name()).toList();
        if (!limited.isEmpty()) {
            out.println("WARNING: the load generator limited " + String.join(", ", limited)
                    + " (see each run's summary); a gate whose outcome its delay could have decided "
                    + "is inconclusive unless --allow-limited.");
        }
    }

    /** Each run once, in order; stops after an interrupted run. */
    private RoundRunner.Measured runEach(RunPlan plan, Path reportDir, Set<String> skipped) {
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < plan.runs().size(); i++) {
            RunSpec spec = plan.runs().get(i);
            out.printf(Locale.ROOT, "%n== %s: run %d/%d: %s (%s)%n", plan.name(), i + 1,
                    plan.runs().size(), spec.name(), spec.target().describe());
            out.flush();
            Optional<String> unavailable = unavailable(spec.target());
            if (unavailable.isPresent()) {
                out.println("skipped: " + unavailable.get());
                skipped.add(spec.name());
                continue;
            }
            RunResult result = driver.run(spec, reportDir.resolve(spec.name()));
            runs.add(result);
            if (result.interrupted()) {
                break;
            }
            if (result.report().abortedBy() != null) {
                out.println("aborted: gate '" + result.report().abortedBy() + "' failed on its window; "
                        + "remaining runs skipped");
                break;
            }
        }
        return new RoundRunner.Measured(runs, runs.stream().anyMatch(RunResult::interrupted));
    }

    /** The runs in interleaved rounds, each merged; more rounds while a gate is undecided. */
    private RoundRunner.Measured inRounds(RunPlan plan, GateCheck gates, Path reportDir, Set<String> skipped) {
        skipUnavailable(plan, skipped);
        try (RoundRunner rounds = new RoundRunner(driver, out, plan, reportDir, skipped)) {
            return rounds.run(merged -> decided(gates, merged, skipped));
        }
    }

    /** Says which runs this JVM cannot execute, before the first round. */
    private void skipUnavailable(RunPlan plan, Set<String> skipped) {
        for (RunSpec spec : plan.runs()) {
            unavailable(spec.target()).ifPresent(why -> {
                out.println("skipped " + spec.name() + ": " + why);
                skipped.add(spec.name());
            });
        }
    }

    /** True when no gate is left inconclusive by its interval (which more rounds may narrow). */
    private static boolean decided(GateCheck gates, List<RunResult> runs, Set<String> skipped) {
        Map<String, RunReport> measured = new LinkedHashMap<>();
        runs.forEach(r -> measured.put(r.spec().name(), r.report()));
        return measured.isEmpty() || gates.without(skipped).evaluate(ReportMetrics.ofRuns(measured)).stream()
                .noneMatch(r -> r.outcome() == io.apitune.gate.Outcome.INCONCLUSIVE && r.interval() != null);
    }

    private List<GateResult> evaluate(GateCheck gates, List<RunResult> runs, Set<String> skipped) {
        GateCheck applicable = gates.without(skipped);
        gates.gates().stream().filter(g -> !applicable.gates().contains(g)).forEach(g ->
                out.println("skipped gate: " + g.text() + " (names a skipped run)"));
        Map<String, RunReport> measured = new LinkedHashMap<>();
        runs.forEach(r -> measured.put(r.spec().name(), r.report()));
        return measured.isEmpty() ? List.of() : applicable.evaluate(ReportMetrics.ofRuns(measured));
    }

    /** The runs' reports, each with its directory relative to the combined report. */
    static List<RunReport> reports(List<RunResult> runs) {
        return runs.stream().map(r -> r.report().withDir(r.dir() == null ? r.spec().name()
                : r.dir().getFileName().toString())).toList();
    }

    /** Writes report.json and report.html of a combined report and says where they are. */
    static Path write(Path dir, CombinedReport combined, PrintWriter out) {
        Path file = Reports.file(dir);
        Reports.write(file, combined);
        out.println("report: " + file);
        out.println("html: " + HtmlReport.write(dir));
        out.flush();
        return file;
    }

    /**
     * Why a target cannot run in this JVM, if it cannot: the in-process {@code virtual} mode
     * needs virtual threads (Java 21+).
     */
    static Optional<String> unavailable(TargetSpec target) {
        if (target.kind() == TargetSpec.Kind.MODE && target.mode() == Mode.VIRTUAL
                && !VirtualThreads.supported()) {
            return Optional.of(VirtualThreads.unavailableMessage());
        }
        return Optional.empty();
    }
}
