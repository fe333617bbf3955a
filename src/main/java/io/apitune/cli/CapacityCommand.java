package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;
import io.apitune.gate.CapacitySearch;
import io.apitune.gate.Gate;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateParser;
import io.apitune.report.ReportDirectory;
import io.apitune.run.CapacityRunner;
import io.apitune.run.LoadKey;
import io.apitune.run.RunExecutor;
import io.apitune.run.RunSettings;
import io.apitune.run.RunSpec;
import io.apitune.run.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apitune capacity}: finds the highest open-model rate that meets a latency SLO, by
 * exponential steps then a binary search, each step a short run after its own warm-up.
 *
 * <p>Runs on the picocli thread; each step's load runs on the generator's threads.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true, modelTransformer = KeyFlags.TargetUnshardedLoadShape.class,
        description = {"Find the highest open-model rate that meets --slo (and --max-errors): "
                + "exponential steps from --start-rate, then a binary search until the answer is "
                + "within --tolerance, at most --max-steps steps. Each step is a short run "
                + "(--duration, default 5s here) after its own --warmup.",
            "Prints and records the curve (rate against p50, p99, errors) and the answer. "
                + "Exit 1 when no rate met the SLO; exit 5 when the load generator, not the target, "
                + "became the limit first (\"generator limit reached at R/s\")."})
public final class CapacityCommand implements Callable<Integer> {
    /** Each step's measured duration unless --duration or --requests says otherwise. */
    private static final String STEP_DURATION = "5s";

    @Spec
    CommandSpec spec;

    @Option(names = "--slo", paramLabel = "GATE", required = true,
            description = "The latency objective as a gate, repeatable: 'p99<50ms', 'p99.9 < 200ms'.")
    List<String> slo = new ArrayList<>();

    @Option(names = "--max-errors", paramLabel = "PERCENT", defaultValue = "0.1%",
            description = "Highest error rate a step may have (default: ${DEFAULT-VALUE}).")
    String maxErrors;

    @Option(names = "--start-rate", paramLabel = "R", defaultValue = "50",
            description = "First rate tried, requests/s (default: ${DEFAULT-VALUE}).")
    String startRate;

    @Option(names = "--max-rate", paramLabel = "R", defaultValue = "100000",
            description = "Never try more than R requests/s (default: ${DEFAULT-VALUE}).")
    String maxRate;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Stop when the bracket is within this of the answer (default: ${DEFAULT-VALUE}).")
    String tolerance;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "12",
            description = "Bound on the number of steps (default: ${DEFAULT-VALUE}).")
    String maxSteps;

    @Mixin
    RunOutput output;

    @Override
    public Integer call() {
        if (!KeyFlags.given(spec, LoadKey.RATE).isEmpty()) {
            throw ApituneException.invalidInput("--rate: capacity chooses the rate; use --start-rate");
        }
        Setting start = Setting.flag("--start-rate", startRate);
        CapacitySearch search = new CapacitySearch(start.rate(), Setting.flag("--max-rate", maxRate).rate(),
                fraction("--tolerance", tolerance), (int) Setting.flag("--max-steps", maxSteps).integer(1));
        // A step the generator limited ends the search (CapacityRunner); one where busy
        // connections held the rate back is the target's limit and is judged like any other.
        GateCheck sloCheck = new GateCheck(sloGates(), null, null).allowLimited(true);
        sloCheck.validate(java.util.Map.of("step", List.of()));
        RunSettings settings = KeyFlags.run(spec);
        // An open-model base run; every step replaces the rate with its own.
        settings.load().set(LoadKey.RATE, start);
        if (!settings.load().has(LoadKey.DURATION) && !settings.load().has(LoadKey.REQUESTS)) {
            settings.load().set(LoadKey.DURATION, Setting.flag("--duration", STEP_DURATION));
        }
        RunSpec base = settings.build();
        Path dir = ReportDirectory.choose(output.out, "capacity-" + base.name());
        PrintWriter out = spec.commandLine().getOut();
        CapacityRunner.Outcome outcome;
        try (RunExecutor executor = new RunExecutor(out, spec.commandLine().getErr(), output.quiet)) {
            outcome = new CapacityRunner(executor, search, out).run(base, sloCheck, sloText(), dir);
        }
        if (outcome.interrupted()) {
            return ExitCodes.TARGET_FAILURE;
        }
        if (!Double.isNaN(outcome.generatorLimitedAt())) {
            return ExitCodes.INCONCLUSIVE;
        }
        return Double.isNaN(outcome.answerPerSecond()) ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    private List<Gate> sloGates() {
        List<Gate> gates = new ArrayList<>();
        for (String text : slo) {
            try {
                gates.add(GateParser.parse(text));
            } catch (ApituneException e) {
                throw ApituneException.invalidInput("--slo: " + e.getMessage());
            }
        }
        double errors = fraction("--max-errors", maxErrors);
        gates.add(GateParser.parse("errors <= " + errors * 100 + "%"));
        return gates;
    }

    private String sloText() {
        return String.join(", ", slo) + ", errors <= " + maxErrors;
    }

    /** {@code 5%} or {@code 0.05} as a fraction. */
    private static double fraction(String option, String text) {
        String t = text.trim();
        try {
            double value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100
                    : Double.parseDouble(t);
            if (value >= 0 && value < 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApituneException.invalidInput(option + ": '" + text + "' is not a percentage such as 5%");
    }
}
