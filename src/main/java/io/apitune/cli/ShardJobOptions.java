package io.apitune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import io.apitune.ApituneException;
import io.apitune.k8s.ShardJob;
import io.apitune.run.Setting;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scenario file and the flags that shape its ConfigMap and Indexed Job, shared by
 * {@code k8s manifest} and {@code k8s run}.
 *
 * <p>Filled by picocli, then read once on the picocli thread.
 */
final class ShardJobOptions {
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
            description = "Common start of measurement, an absolute UTC time or +DURATION from now, "
                    + "written into the Job as an absolute time; leave the pods time to be scheduled "
                    + "and pull the image (default: ${DEFAULT-VALUE}).")
    String startAt;

    /** The ConfigMap and Job of the scenario file (validated by the caller); exit 2 on a bad field. */
    ShardJob job() {
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
