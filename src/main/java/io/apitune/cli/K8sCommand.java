package io.apitune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;
import io.apitune.k8s.ShardJob;
import io.apitune.run.Setting;
import io.apitune.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
            description = {"Print the YAML of a ConfigMap (the scenario file) and an Indexed Job "
                    + "(completionMode: Indexed) whose pod I runs 'apitune run FILE --shard I/N "
                    + "--start-at TIME --print-results' (its results framed in its log). 'apitune k8s run' "
                    + "applies it, reads the pods' logs and merges them."})
    static final class Manifest implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The scenario file.")
        Path file;

        @Option(names = "--shards", required = true, paramLabel = "N", description = "Pods, one shard each.")
        int shards;

        @Option(names = "--namespace", defaultValue = "default", paramLabel = "NS",
                description = "Namespace of the objects (default: ${DEFAULT-VALUE}).")
        String namespace;

        @Option(names = "--image", defaultValue = "apitune:latest", paramLabel = "IMAGE",
                description = "The apitune image (built with 'mvn jib:buildTar'; default: ${DEFAULT-VALUE}).")
        String image;

        @Option(names = "--name", defaultValue = "apitune", paramLabel = "NAME",
                description = "Name of the Job and ConfigMap (default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--start-at", defaultValue = "+2m", paramLabel = "TIME",
                description = "Common start of measurement, an absolute UTC time or +DURATION from "
                        + "now, written as an absolute time (default: ${DEFAULT-VALUE}).")
        String startAt;

        @Override
        public Integer call() {
            ScenarioParser.parse(file);
            ShardJob job = shardJob(file, name, namespace, image, shards, startAt);
            spec.commandLine().getOut().print(job.yaml());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** The ConfigMap and Job of a scenario file (validated by the caller); exit 2 on a bad field. */
    static ShardJob shardJob(Path file, String name, String namespace, String image, int shards,
            String startAt) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read scenario " + file);
        }
        Instant start = Setting.flag("--start-at", startAt).startTime(Instant.now());
        return new ShardJob(name, namespace, image, shards, start,
                file.getFileName().toString(), Map.of(file.getFileName().toString(), text));
    }
}
