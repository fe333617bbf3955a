package io.apitune.cli;

import java.nio.file.Path;
import java.time.Instant;

import io.apitune.k8s.ScenarioFiles;
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

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Namespace of the objects (default: the kubeconfig's current namespace; "
                    + "'k8s manifest' then leaves it out, so kubectl applies them there).")
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

    /**
     * The ConfigMap and Job of the scenario file (validated by the caller) and the files it names;
     * exit 2 on a bad field, or files too large for a ConfigMap.
     *
     * @param currentNamespace the namespace when --namespace is not given, or null to leave it out
     */
    ShardJob job(String currentNamespace) {
        Instant start = Setting.flag("--start-at", startAt).startTime(Instant.now());
        return new ShardJob(name, namespace != null ? namespace : currentNamespace, image, shards, start,
                file.getFileName().toString(), ScenarioFiles.read(file));
    }
}
