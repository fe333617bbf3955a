package io.apitune.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.gate.GateCheck;
import io.apitune.load.RequestTemplate;
import io.apitune.scenario.CompareTable;
import io.apitune.scenario.RunSpec;
import io.apitune.scenario.Scenario;
import io.apitune.scenario.ScenarioRunner;
import io.apitune.scenario.TargetSpec;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apitune compare}: runs several modes (and/or named URLs) under identical load, one after
 * another, each with its own warm-up (and its own in-process server), then prints them side by
 * side and writes a combined report.
 *
 * <p>Runs on the picocli thread; each run's load runs on the generator's threads.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run several modes (--modes) and/or URLs (--url name=URL) under identical "
                + "load, one after another, each with its own warm-up; print throughput, p50, p99, "
                + "p99.9, max, errors and the cache hit ratio side by side; write a combined report.",
            "Gates may name the runs: --gate 'async.throughput >= 3 * blocking.throughput'."})
public final class CompareCommand implements Callable<Integer> {
    private static final String NAME = "[A-Za-z0-9_-]+";
    private static final List<String> SHAPE_FLAGS = List.of("--backend-latency", "--jitter",
            "--workers", "--queue", "--cache-size", "--cache-ttl", "--db-url", "--db-pool");

    @Spec
    CommandSpec spec;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Reference-server modes to compare, e.g. blocking,async,cached.")
    List<String> modes = new ArrayList<>();

    @Option(names = "--url", paramLabel = "NAME=URL",
            description = "A URL target named for the table and gates, repeatable; {key} is "
                    + "replaced by keys from --keys/--key-dist.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--server", paramLabel = "URL",
            description = "Drive the modes on a running 'apitune serve' at URL instead of starting "
                    + "the server in-process.")
    String server;

    @Option(names = "--queries", paramLabel = "N",
            description = "DB modes: drive /queries?queries=N (1..500) instead of /db.")
    Integer queries;

    @Mixin
    LoadOptions load;

    @Mixin
    ServerShapeOptions shape;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() {
        List<RunSpec> runs = runs();
        List<String> names = runs.stream().map(RunSpec::name).toList();
        GateCheck check = gates.check(List.of(), names);
        Path dir = RunCommand.reportDir(load.out(), "compare-" + String.join("-", names));
        PrintWriter out = spec.commandLine().getOut();
        RunExecutor executor = new RunExecutor(out, spec.commandLine().getErr(), load.quiet());
        ScenarioRunner runner = new ScenarioRunner(RunCommand.driver(executor), out, "compare",
                (results, report) -> {
                    var rows = CompareTable.rows(results);
                    CompareTable.print(rows, out);
                    report.document().set("modes", rows);
                });
        Scenario scenario = new Scenario("compare", "", runs, List.of());
        return runner.run(scenario, check, dir).exitCode();
    }

    private List<RunSpec> runs() {
        if (modes.isEmpty() && urls.isEmpty()) {
            throw ApituneException.invalidInput("give targets to compare: --modes a,b and/or --url name=URL");
        }
        if (server != null || modes.isEmpty()) {
            rejectShapeFlags(spec, "--modes without --server");
        }
        List<RunSpec> runs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : modes) {
            Mode mode = mode(text);
            runs.add(unique(names, new RunSpec(mode.path(), modeTarget(mode),
                    load.toLoadConfig("http://127.0.0.1/"))));
        }
        if (queries != null && runs.stream().noneMatch(r -> r.target().mode().isDb())) {
            throw ApituneException.invalidInput("--queries: needs a DB mode in --modes");
        }
        for (String pair : urls) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).trim();
            String url = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (!name.matches(NAME) || url.isEmpty()) {
                throw ApituneException.invalidInput("--url: '" + pair + "' is not NAME=URL "
                        + "(NAME of letters, digits, _ and -)");
            }
            RequestTemplate.validateUrl(url.replace(RequestTemplate.KEY_PLACEHOLDER, "1"));
            runs.add(unique(names, new RunSpec(name, TargetSpec.url(url), load.toLoadConfig(url))));
        }
        return runs;
    }

    private TargetSpec modeTarget(Mode mode) {
        Integer q = mode.isDb() ? queries : null;
        if (q != null && (q < 1 || q > 500)) {
            throw ApituneException.invalidInput("--queries: " + q + " must be 1..500");
        }
        if (server != null) {
            if (!server.matches("https?://.+") || hostOf(server) == null) {
                throw ApituneException.invalidInput("--server: '" + server + "' is not http://host:port");
            }
            return TargetSpec.server(server, mode, q);
        }
        ServerConfig config = shape.toConfig(ServerConfig.DEFAULT_HOST, 0, mode.isDb());
        return TargetSpec.mode(mode, config, q);
    }

    /** Server-shaping flags given where no in-process server starts are an error, not ignored. */
    static void rejectShapeFlags(CommandSpec spec, String needs) {
        for (String flag : SHAPE_FLAGS) {
            if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                throw ApituneException.invalidInput(flag + ": shapes the in-process server, so it "
                        + "needs " + needs);
            }
        }
    }

    static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Mode mode(String text) {
        try {
            return Mode.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApituneException.invalidInput("--modes: " + e.getMessage());
        }
    }

    private static RunSpec unique(Set<String> names, RunSpec run) {
        if (!names.add(run.name())) {
            throw ApituneException.invalidInput("'" + run.name() + "' appears twice; names must be unique");
        }
        return run;
    }
}
