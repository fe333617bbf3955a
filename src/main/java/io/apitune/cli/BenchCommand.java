package io.apitune.cli;

import java.util.concurrent.Callable;

import io.apitune.ExitCodes;
import io.apitune.gate.GateCheck;
import io.apitune.run.RunExecutor;
import io.apitune.run.RunResult;
import io.apitune.run.RunSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code apitune bench}: drive load at a reference-server mode or any URL, show progress, print
 * a summary and write a report directory.
 *
 * <p>Runs on the picocli thread; the load itself runs on the generator's threads.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, modelTransformer = KeyFlags.TargetLoadShape.class,
        description = {"Drive load at a reference-server mode (--mode), a running apitune serve "
                + "(--server with --mode) or any HTTP(S) URL (--url), and report latency "
                + "(from the intended send time, coordinated-omission-free), service time, "
                + "throughput and errors.",
            "Open model with --rate, closed model otherwise."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOutput output;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() {
        RunSpec run = KeyFlags.run(spec).build();
        GateCheck gateCheck = gates.check(run.name());
        try (RunExecutor executor = new RunExecutor(spec.commandLine().getOut(),
                spec.commandLine().getErr(), output.quiet)) {
            RunResult outcome = executor.run(run, output.out);
            if (outcome.interrupted()) {
                return ExitCodes.TARGET_FAILURE;
            }
            if (!run.load().shard().whole()) {
                return GateOptions.deferToMerge(gateCheck, spec.commandLine().getOut());
            }
            return GateOptions.evaluateRun(gateCheck, outcome.report(), spec.commandLine().getOut());
        }
    }
}
