package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.apitune.ExitCodes;
import io.apitune.gate.GateCheck;
import io.apitune.k8s.IntervalFrames;
import io.apitune.k8s.ResultFrames;
import io.apitune.report.ReportDirectory;
import io.apitune.report.model.CombinedReport;
import io.apitune.run.PlanRunner;
import io.apitune.run.RunExecutor;
import io.apitune.run.RunPlan;
import io.apitune.run.RunSpec;
import io.apitune.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apitune run FILE}: executes a scenario file's runs in order, prints each summary and the
 * gate table, writes one combined report.json plus each run's own directory inside it.
 *
 * <p>Runs on the picocli thread; each run's load runs on the generator's threads.
 */
@Command(name = "run", mixinStandardHelpOptions = true, modelTransformer = KeyFlags.PlanSharding.class,
        description = {"Execute a scenario file (docs/scenarios.md): every run in order, then "
                + "the gates of the file and of --gate. Writes reports/<time>-<scenario>/report.json "
                + "(combined) with one subdirectory per run.",
            "Exit 1 when a gate fails, 2 for an invalid file or gate (before any load is sent), "
                + "5 when a gate could not be decided (its interval straddles the limit).",
            "--rounds and --until-conclusive override the file's keys of the same names."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The scenario file, e.g. scenarios/ci-gate.yaml.")
    Path file;

    @Mixin
    GateOptions gates;

    @Option(names = "--check", description = "Validate the file and gates, list the runs, send no load.")
    boolean check;

    @Option(names = {"-q", "--quiet"}, description = "No live progress on stderr.")
    boolean quiet;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Combined report directory (default: reports/<yyyyMMdd-HHmmss>-<scenario>).")
    Path out;

    @Option(names = "--print-results", description = {"After the runs, print each run's report.json "
            + "and latency.hlog on stdout, gzipped and base64-encoded between BEGIN/END APITUNE RESULT "
            + "lines (the pods of 'apitune k8s run' do, so results travel in the pod log)."})
    boolean printResults;

    @Option(names = "--print-intervals", description = {"While measuring, print every second's OK-latency "
            + "histogram (HdrHistogram, compressed, base64) with its OK and KO counts on stdout as one "
            + "'APITUNE INTERVAL shard=I/N run=NAME second=S ...' line (the pods of 'apitune k8s run' "
            + "do, so that it shows exact merged p50/p99 per second while the shards run)."})
    boolean printIntervals;

    @Override
    public Integer call() {
        RunPlan plan = ScenarioParser.parse(file, KeyFlags.plan(spec), KeyFlags.load(spec));
        GateCheck gateCheck = gates.check(plan.gates(), plan.requestNames());
        PrintWriter stdout = spec.commandLine().getOut();
        if (check) {
            printPlan(plan, gateCheck, stdout);
            return ExitCodes.OK;
        }
        Path dir = ReportDirectory.choose(out, plan.name());
        // A shard sees 1/N of the load and leaves every gate to the merge, abort-on-fail ones too:
        // one shard stopping alone would only leave a partial run.
        boolean shard = plan.runs().stream().anyMatch(r -> !r.load().shard().whole());
        try (RunExecutor executor = new RunExecutor(stdout, spec.commandLine().getErr(), quiet)
                .abortOn(shard ? java.util.List.of() : gateCheck.aborting())) {
            if (printIntervals) {
                executor.alsoProgress(run -> IntervalFrames.listener(run.load().shard(), run.name(), stdout));
            }
            int exit = new PlanRunner(executor, stdout, CombinedReport.SCENARIO).run(plan, gateCheck, dir)
                    .exitCode();
            if (printResults) {
                io.apitune.load.Shard part = plan.runs().get(0).load().shard();
                ResultFrames.print(dir, part.index() + "/" + part.count(), stdout);
            }
            return exit;
        }
    }

    private static void printPlan(RunPlan plan, GateCheck gateCheck, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: valid, %d runs, %d gates%s%n", plan.name(), plan.runs().size(),
                gateCheck.gates().size(), !plan.rounds().enabled() ? ""
                        : String.format(Locale.ROOT, ", %d rounds%s", plan.rounds().count(),
                                plan.rounds().untilConclusive() ? " (until conclusive, at most "
                                        + plan.rounds().maxRounds() + ")" : ""));
        for (RunSpec run : plan.runs()) {
            out.printf(Locale.ROOT, "  run %s: %s%n", run.name(), run.target().describe());
        }
        gateCheck.gates().forEach(g -> out.println("  gate " + g.text() + (g.aborts()
                ? " (abort-on-fail, window " + io.apitune.Durations.format(g.window()) + ")" : "")));
        out.flush();
    }
}
