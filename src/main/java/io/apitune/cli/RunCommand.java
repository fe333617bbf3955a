package io.apitune.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.gate.GateCheck;
import io.apitune.report.ReportDirectory;
import io.apitune.scenario.RunDriver;
import io.apitune.scenario.RunResult;
import io.apitune.scenario.RunSpec;
import io.apitune.scenario.Scenario;
import io.apitune.scenario.ScenarioParser;
import io.apitune.scenario.ScenarioRunner;
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
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Execute a scenario file (docs/scenarios.md): every run in order, then "
                + "the gates of the file and of --gate. Writes reports/<time>-<scenario>/report.json "
                + "(combined) with one subdirectory per run.",
            "Exit 1 when a gate fails, 2 for an invalid file or gate (before any load is sent)."})
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

    @Override
    public Integer call() {
        Scenario scenario = ScenarioParser.parse(file);
        GateCheck gateCheck = gates.check(scenario.gates(), scenario.runNames());
        PrintWriter stdout = spec.commandLine().getOut();
        if (check) {
            printPlan(scenario, gateCheck, stdout);
            return ExitCodes.OK;
        }
        Path dir = reportDir(out, scenario.name());
        RunExecutor executor = new RunExecutor(stdout, spec.commandLine().getErr(), quiet);
        return new ScenarioRunner(driver(executor), stdout).run(scenario, gateCheck, dir).exitCode();
    }

    private static void printPlan(Scenario scenario, GateCheck gateCheck, PrintWriter out) {
        out.printf(Locale.ROOT, "%s: %d runs, %d gates — valid%n", scenario.name(),
                scenario.runs().size(), gateCheck.gates().size());
        for (RunSpec run : scenario.runs()) {
            out.printf(Locale.ROOT, "  run %s: %s%n", run.name(), ScenarioRunner.describe(run.target()));
        }
        gateCheck.gates().forEach(g -> out.println("  gate " + g.text()));
        out.flush();
    }

    /** The load generator's executor as the scenario package's {@link RunDriver}. */
    static RunDriver driver(RunExecutor executor) {
        return (RunSpec run, Path runDir) -> {
            RunOutcome o = executor.execute(run, runDir);
            return new RunResult(o.spec(), o.report(), o.dir(), o.interrupted(), o.serverStats());
        };
    }

    /**
     * {@code --out}, which must be new or empty, or {@code reports/<time>-<name>}.
     *
     * @throws ApituneException exit 2 when {@code --out} holds files already
     */
    static Path reportDir(Path out, String name) {
        if (out == null) {
            return ReportDirectory.defaultDir(name);
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw ApituneException.invalidInput("--out: " + out + " already exists and is not empty");
                }
            } catch (IOException e) {
                throw ApituneException.invalidInput("--out: cannot read " + out + ": " + e.getMessage());
            }
        } else if (Files.exists(out)) {
            throw ApituneException.invalidInput("--out: " + out + " is not a directory");
        }
        return out;
    }
}
