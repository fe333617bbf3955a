package io.apitune.cli;

import java.util.concurrent.Callable;

import io.apitune.ExitCodes;
import io.apitune.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code apitune k8s manifest FILE --shards N}: prints the ConfigMap and Indexed Job that run a
 * scenario as N shards on Kubernetes, for {@code kubectl apply -f -} or GitOps.
 *
 * <p>Runs once on the picocli thread.
 */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = "Run a scenario as shards on Kubernetes.",
        subcommands = {K8sCommand.Manifest.class, K8sRunCommand.class})
final class K8sCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_INPUT;
    }

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = {"Print the YAML of a ConfigMap (the scenario file and the files it names: "
                    + "feeders, body-file, PEM files; at most 900 KiB together) and an Indexed Job "
                    + "(completionMode: Indexed) whose pod I runs 'apitune run FILE --shard I/N "
                    + "--start-at TIME --print-intervals --print-results' (its progress and results framed in "
                    + "its log). 'apitune k8s run' applies it, follows the pods' logs and merges them. "
                    + "The Job needs Kubernetes 1.29 or later (backoffLimitPerIndex)."})
    static final class Manifest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ShardJobOptions job;

        @Override
        public Integer call() {
            ScenarioParser.parse(job.file);
            spec.commandLine().getOut().print(job.job(null).yaml());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
