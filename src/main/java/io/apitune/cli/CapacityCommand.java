package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.gate.CapacitySearch;
import io.apitune.gate.Gate;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateParser;
import io.apitune.load.RequestTemplate;
import io.apitune.scenario.CapacityRunner;
import io.apitune.scenario.RunSpec;
import io.apitune.scenario.TargetSpec;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
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
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Find the highest open-model rate that meets --slo (and --max-errors): "
                + "exponential steps from --start-rate, then a binary search until the answer is "
                + "within --tolerance, at most --max-steps steps. Each step is a short run "
                + "(--duration, default 5s here) after its own --warmup.",
            "Prints and records the curve (rate against p50, p99, errors) and the answer. "
                + "Exit 1 when no rate met the SLO."})
public final class CapacityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", description = "Reference-server mode to drive.")
    String mode;

    @Option(names = "--url", paramLabel = "URL", description = "Any http:// or https:// URL to drive.")
    String url;

    @Option(names = "--server", paramLabel = "URL",
            description = "With --mode: a running 'apitune serve' instead of an in-process server.")
    String server;

    @Option(names = "--queries", paramLabel = "N", description = "DB modes: /queries?queries=N.")
    Integer queries;

    @Option(names = "--slo", paramLabel = "GATE", required = true,
            description = "The latency objective as a gate, repeatable: 'p99<50ms', 'p99.9 < 200ms'.")
    List<String> slo = new ArrayList<>();

    @Option(names = "--max-errors", paramLabel = "PERCENT", defaultValue = "0.1%",
            description = "Highest error rate a step may have (default: ${DEFAULT-VALUE}).")
    String maxErrors;

    @Option(names = "--start-rate", paramLabel = "R", defaultValue = "50",
            description = "First rate tried, requests/s (default: ${DEFAULT-VALUE}).")
    double startRate;

    @Option(names = "--max-rate", paramLabel = "R", defaultValue = "100000",
            description = "Never try more than R requests/s (default: ${DEFAULT-VALUE}).")
    double maxRate;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "5%",
            description = "Stop when the bracket is within this of the answer (default: ${DEFAULT-VALUE}).")
    String tolerance;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "12",
            description = "Bound on the number of steps (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Mixin
    LoadOptions load;

    @Mixin
    ServerShapeOptions shape;

    @Override
    public Integer call() {
        if (load.rate != null) {
            throw ApituneException.invalidInput("--rate: capacity chooses the rate; use --start-rate");
        }
        if (load.duration == null && load.requests == null) {
            load.duration = "5s";
        }
        // An open-model base run (open-model defaults, --arrival and --ramp-up allowed); every
        // step replaces the rate with its own.
        load.rate = startRate;
        CapacitySearch search = new CapacitySearch(startRate, maxRate,
                fraction("--tolerance", tolerance), maxSteps);
        GateCheck sloCheck = new GateCheck(sloGates(), null, null);
        sloCheck.validate(List.of("step"));
        RunSpec base = base();
        Path dir = RunCommand.reportDir(load.out(), "capacity-" + base.name());
        PrintWriter out = spec.commandLine().getOut();
        RunExecutor executor = new RunExecutor(out, spec.commandLine().getErr(), load.quiet());
        CapacityRunner.Outcome outcome = new CapacityRunner(RunCommand.driver(executor), search, out)
                .run(base, sloCheck, sloText(), dir);
        if (outcome.interrupted()) {
            return ExitCodes.TARGET_FAILURE;
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

    private RunSpec base() {
        if ((mode == null) == (url == null)) {
            throw ApituneException.invalidInput("give exactly one of --mode and --url");
        }
        if (url != null || server != null) {
            CompareCommand.rejectShapeFlags(spec, "--mode without --server");
        }
        if (url != null) {
            if (server != null || queries != null) {
                throw ApituneException.invalidInput("--server and --queries need --mode, not --url");
            }
            RequestTemplate.validateUrl(url.replace(RequestTemplate.KEY_PLACEHOLDER, "1"));
            String host = CompareCommand.hostOf(url.replace(RequestTemplate.KEY_PLACEHOLDER, "1"));
            return new RunSpec(host == null ? "url" : host.replaceAll("[^A-Za-z0-9_-]", "-"),
                    TargetSpec.url(url), load.toLoadConfig(url));
        }
        Mode m;
        try {
            m = Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw ApituneException.invalidInput("--mode: " + e.getMessage());
        }
        if (queries != null && (!m.isDb() || queries < 1 || queries > 500)) {
            throw ApituneException.invalidInput("--queries: " + queries + " needs a DB mode and must be 1..500");
        }
        TargetSpec target = server != null ? TargetSpec.server(server, m, queries)
                : TargetSpec.mode(m, shape.toConfig(ServerConfig.DEFAULT_HOST, 0, m.isDb()), queries);
        return new RunSpec(m.path(), target, load.toLoadConfig("http://127.0.0.1/"));
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
