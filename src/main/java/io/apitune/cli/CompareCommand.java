package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.gate.GateCheck;
import io.apitune.report.ReportDirectory;
import io.apitune.report.model.CombinedReport;
import io.apitune.run.LoadSettings;
import io.apitune.run.Naming;
import io.apitune.run.Origin;
import io.apitune.run.PlanRunner;
import io.apitune.run.RunExecutor;
import io.apitune.run.RunPlan;
import io.apitune.run.RunSettings;
import io.apitune.run.Setting;
import io.apitune.run.TargetKey;
import io.apitune.run.TransportKey;
import io.apitune.server.Mode;
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
@Command(name = "compare", mixinStandardHelpOptions = true, modelTransformer = KeyFlags.LoadShape.class,
        description = {"Run several modes (--modes) and/or URLs (--url name=URL) under identical "
                + "load, one after another, each with its own warm-up; print throughput, p50, p99, "
                + "p99.9, max, errors, protocol, connections and the cache hit ratio side by side; "
                + "write a combined report.",
            "With --protocols each target runs once per protocol: HTTP/2 multiplexing as a technique.",
            "Gates may name the runs: --gate 'async.throughput >= 3 * blocking.throughput', "
                + "--gate 'h2c.p99 < http1.p99'.",
            "With --rounds N the runs alternate in N short rounds (A B B A ...) and every ratio "
                + "and gate gets a median and a 95%% confidence interval."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--modes", paramLabel = "MODE", split = ",",
            description = "Reference-server modes to compare, e.g. blocking,async,cached.")
    List<String> modes = new ArrayList<>();

    @Option(names = "--url", paramLabel = "NAME=URL",
            description = "A URL target named for the table and gates, repeatable; {key} is "
                    + "replaced by keys from --keys/--key-dist.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--protocols", paramLabel = "PROTOCOL", split = ",",
            description = "Run every target once per protocol (http1, h2c, h2), at the same load and "
                    + "connections; the runs are named after the protocol (h2c), or TARGET-PROTOCOL "
                    + "(async-h2c) with several targets. HTTP/2 runs use --streams. Not with "
                    + "--http2 or --protocol.")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--server", paramLabel = "URL",
            description = "Drive the modes on a running 'apitune serve' at URL instead of starting "
                    + "the server in-process.")
    String server;

    @Option(names = "--queries", paramLabel = "N",
            description = "DB modes: drive /queries?queries=N (1..500) instead of /db.")
    String queries;

    @Mixin
    RunOutput output;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() {
        RunPlan plan = new RunPlan("compare", "", RunPlan.build(runs(), KeyFlags.shape(spec),
                KeyFlags.load(spec), List.of(), new LoadSettings(Naming.FLAGS), Origin.flag("--modes")),
                List.of(), KeyFlags.plan(spec).build());
        GateCheck check = gates.check(List.of(), plan.runNames());
        Path dir = ReportDirectory.choose(output.out, "compare-" + String.join("-", plan.runNames()));
        PrintWriter out = spec.commandLine().getOut();
        try (RunExecutor executor = new RunExecutor(out, spec.commandLine().getErr(), output.quiet)) {
            return new PlanRunner(executor, out, CombinedReport.COMPARE).run(plan, check, dir).exitCode();
        }
    }

    /**
     * One run per mode and per named URL; --server and --queries fan out to the mode runs. With
     * --protocols, one run per target and protocol, grouped by target.
     */
    private List<RunSettings> runs() {
        if (protocols.isEmpty()) {
            return targets();
        }
        for (TransportKey key : new TransportKey[] {TransportKey.HTTP2, TransportKey.PROTOCOL}) {
            if (!KeyFlags.given(spec, key).isEmpty()) {
                throw ApituneException.invalidInput("--protocols: give either --protocols or "
                        + key.flag() + ", not both");
            }
        }
        List<List<RunSettings>> perProtocol = new ArrayList<>();
        for (int i = 0; i < protocols.size(); i++) {
            perProtocol.add(targets());
        }
        List<String> names = new ArrayList<>(modes.stream().map(String::strip).toList());
        urls.forEach(pair -> names.add(pair.substring(0, pair.indexOf('='))));
        List<RunSettings> runs = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            for (int p = 0; p < protocols.size(); p++) {
                String protocol = protocols.get(p).strip();
                RunSettings run = perProtocol.get(p).get(t);
                run.load().transport().set(TransportKey.PROTOCOL, Setting.flag("--protocols", protocol));
                run.name(Setting.flag("--protocols", names.size() == 1 ? protocol
                        : names.get(t) + "-" + protocol));
                runs.add(run);
            }
        }
        return runs;
    }

    /** One run per mode and per named URL, in that order. */
    private List<RunSettings> targets() {
        if (modes.isEmpty() && urls.isEmpty()) {
            throw ApituneException.invalidInput("give targets to compare: --modes a,b and/or --url name=URL");
        }
        if (server != null && modes.isEmpty()) {
            throw ApituneException.invalidInput("--server: needs --modes to choose the endpoints");
        }
        if (queries != null && modes.stream().noneMatch(CompareCommand::isDb)) {
            throw ApituneException.invalidInput("--queries: needs a DB mode in --modes");
        }
        List<RunSettings> runs = new ArrayList<>();
        for (String mode : modes) {
            RunSettings run = new RunSettings(Naming.FLAGS, Origin.flag("--modes"));
            run.target().set(TargetKey.MODE, Setting.flag("--modes", mode));
            if (server != null) {
                run.target().set(TargetKey.SERVER_URL, Setting.flag("--server", server));
            }
            if (queries != null && isDb(mode)) {
                run.target().set(TargetKey.QUERIES, Setting.flag("--queries", queries));
            }
            runs.add(run);
        }
        for (String pair : urls) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw ApituneException.invalidInput("--url: '" + pair + "' is not NAME=URL");
            }
            RunSettings run = new RunSettings(Naming.FLAGS, Origin.flag("--url"));
            run.name(Setting.flag("--url", pair.substring(0, eq)));
            run.target().set(TargetKey.URL, Setting.flag("--url", pair.substring(eq + 1)));
            runs.add(run);
        }
        return runs;
    }

    private static boolean isDb(String mode) {
        try {
            return Mode.parse(mode).isDb();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
