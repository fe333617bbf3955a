package io.apitune.cli;

import java.net.URI;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.gate.GateCheck;
import io.apitune.load.RequestTemplate;
import io.apitune.report.ReportDirectory;
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
 * {@code apitune bench}: drive load at a reference-server mode or any URL, show progress, print
 * a summary and write a report directory.
 *
 * <p>Runs on the picocli thread; the load itself runs on the generator's threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Drive load at a reference-server mode (--mode), a running apitune serve "
                + "(--server with --mode) or any HTTP(S) URL (--url), and report latency "
                + "(from the intended send time, coordinated-omission-free), service time, "
                + "throughput and errors.",
            "Open model with --rate, closed model otherwise."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Reference-server mode to drive: ${COMPLETION-CANDIDATES}. Alone it starts "
                    + "the server in-process on a free port.", completionCandidates = ModeNames.class)
    String mode;

    @Option(names = "--server", paramLabel = "URL",
            description = "Base URL of a running 'apitune serve' (e.g. http://host:8080); drives "
                    + "--mode's endpoint there instead of starting a server.")
    String server;

    @Option(names = "--url", paramLabel = "URL",
            description = "Any http:// or https:// URL; {key} is replaced by keys from --keys/--key-dist.")
    String url;

    @Option(names = "--queries", paramLabel = "N",
            description = "DB modes: drive /queries?queries=N (1..500) instead of /db.")
    Integer queries;

    @Mixin
    LoadOptions load;

    @Mixin
    GateOptions gates;

    @Mixin
    ServerShapeOptions shape;

    /** The server-shaping flags, accepted only with an in-process server (--mode alone). */
    private static final String[] SHAPE_FLAGS = {"--backend-latency", "--jitter", "--workers",
        "--queue", "--cache-size", "--cache-ttl", "--db-url", "--db-pool"};

    @Override
    public Integer call() {
        TargetSpec target = target();
        RunSpec run = new RunSpec(runName(), target, load.toLoadConfig(placeholderUrl()));
        RunExecutor executor = new RunExecutor(spec.commandLine().getOut(),
                spec.commandLine().getErr(), load.quiet());
        GateCheck gateCheck = gates.check(run.name());
        RunOutcome outcome = executor.execute(run, load.out());
        if (outcome.interrupted()) {
            return ExitCodes.TARGET_FAILURE;
        }
        return GateOptions.evaluateRun(gateCheck, outcome.report(), spec.commandLine().getOut());
    }

    private TargetSpec target() {
        if (url != null || server != null) {
            for (String flag : SHAPE_FLAGS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(flag)) {
                    throw ApituneException.invalidInput(flag + ": shapes the in-process server, "
                            + "so it needs --mode without --server or --url");
                }
            }
        }
        if (url != null) {
            if (mode != null || server != null || queries != null) {
                throw ApituneException.invalidInput("--url: give either --url or --mode "
                        + "(optionally with --server), not both; --queries needs --mode");
            }
            RequestTemplate.validateUrl(url.replace(RequestTemplate.KEY_PLACEHOLDER, "1"));
            return TargetSpec.url(url);
        }
        if (mode == null) {
            throw ApituneException.invalidInput(server == null
                    ? "give a target: --mode MODE, --server URL --mode MODE, or --url URL"
                    : "--server: needs --mode to choose the endpoint to drive");
        }
        Mode parsed = parseMode();
        if (queries != null && (!parsed.isDb() || queries < 1 || queries > 500)) {
            throw ApituneException.invalidInput("--queries: " + queries
                    + " needs a DB mode and must be 1..500");
        }
        if (server != null) {
            validateBaseUrl(server);
            return TargetSpec.server(server, parsed, queries);
        }
        return TargetSpec.mode(parsed,
                shape.toConfig(ServerConfig.DEFAULT_HOST, 0, parsed.isDb()), queries);
    }

    private Mode parseMode() {
        try {
            return Mode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw ApituneException.invalidInput("--mode: " + e.getMessage());
        }
    }

    private static void validateBaseUrl(String base) {
        try {
            URI uri = new URI(base);
            if (uri.getHost() == null || !(base.startsWith("http://") || base.startsWith("https://"))) {
                throw ApituneException.invalidInput("--server: '" + base + "' is not http://host:port");
            }
        } catch (java.net.URISyntaxException e) {
            throw ApituneException.invalidInput("--server: '" + base + "' is not a URL");
        }
    }

    /** The URL given to LoadConfig before resolution (mode targets only know their port later). */
    private String placeholderUrl() {
        return url != null ? url : "http://127.0.0.1/";
    }

    private String runName() {
        if (url != null) {
            String host = URI.create(url.replace("{key}", "0")).getHost();
            return ReportDirectory.safe(host == null ? "url" : host).replace('.', '-');
        }
        return mode == null ? "run" : mode.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Mode names for --help. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Mode.values()).map(Mode::path).iterator();
        }
    }
}
