package io.apitune.cli;

import io.apitune.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: {@code apitune}. Without a subcommand it asks for one. */
@Command(name = "apitune",
        mixinStandardHelpOptions = true,
        versionProvider = ApituneCommand.VersionProvider.class,
        description = "Measure how async handling, caching and async DB access change API latency "
                + "and throughput, and guard API performance in CI.",
        subcommands = {
            ServeCommand.class,
            BenchCommand.class,
            RunCommand.class,
            CompareCommand.class,
            CapacityCommand.class,
            ReportCommand.class,
            JmhCommand.class,
            K8sCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 a gate failed, 2 invalid input, 3 target/runtime failure, "
                + "4 internal error, 5 a gate could not be decided; 130 after Ctrl-C, 143 after SIGTERM."})
public final class ApituneCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces and extra detail on errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** Reads the version Maven wrote into the jar. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"apitune " + Version.get(),
                "JVM " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
