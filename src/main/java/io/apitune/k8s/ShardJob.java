package io.apitune.k8s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.apitune.ApituneException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The Kubernetes objects of a sharded scenario run: a ConfigMap holding the scenario file (and
 * its small files, keyed by file name) and an Indexed Job of {@code shards} pods, pod I running
 * {@code apitune run /scenario/FILE --shard I/N --start-at T --print-results}, its index taken
 * from the Job's completion index; its results travel framed in its log ({@link ResultFrames}).
 * Built with the fabric8 model classes, so what is printed is what the API accepts.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name      the Job's and ConfigMap's name (a DNS label)
 * @param namespace where they are created
 * @param image     the apitune container image (see README, "More than one machine")
 * @param shards    pods, one shard each, >= 1
 * @param startAt   the common start time of measurement
 * @param scenario  the scenario's file name; a key of {@code files}
 * @param files     file name to UTF-8 content: the scenario and the files it refers to
 */
public record ShardJob(String name, String namespace, String image, int shards, Instant startAt,
        String scenario, Map<String, String> files) {
    /** The pod annotation that holds the completion index of an Indexed Job. */
    public static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** Where the ConfigMap is mounted in the pod. */
    public static final String MOUNT = "/scenario";
    /** The label on every object created, for selection and clean-up. */
    public static final String LABEL = "apitune.io/run";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    public ShardJob {
        Objects.requireNonNull(startAt, "startAt");
        if (!DNS_LABEL.matcher(name).matches() || name.length() > 52) {
            throw ApituneException.invalidInput("--name: \"" + name + "\" is not a DNS label of at "
                    + "most 52 characters (lower case letters, digits, '-')");
        }
        if (!DNS_LABEL.matcher(namespace).matches()) {
            throw ApituneException.invalidInput("--namespace: \"" + namespace + "\" is not a DNS label");
        }
        if (image == null || image.isBlank()) {
            throw ApituneException.invalidInput("--image: must name a container image");
        }
        if (shards < 1) {
            throw ApituneException.invalidInput("--shards: " + shards + " must be at least 1");
        }
        files = Map.copyOf(files);
        if (!files.containsKey(scenario)) {
            throw new IllegalArgumentException("scenario " + scenario + " not among the files");
        }
    }

    /** The ConfigMap with the scenario and its files. */
    public ConfigMap configMap() {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(LABEL, name).endMetadata().addToData(files).build();
    }

    /** The Indexed Job: one pod per shard, none retried (a failed shard is reported missing). */
    public Job job() {
        return new JobBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(LABEL, name).endMetadata()
                .withNewSpec().withCompletionMode("Indexed").withCompletions(shards)
                .withParallelism(shards).withBackoffLimit(0)
                .withNewTemplate().withNewMetadata().addToLabels(LABEL, name).endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("apitune").withImage(image).withArgs(args())
                .addNewEnv().withName("SHARD_INDEX").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.annotations['" + INDEX_ANNOTATION + "']").endFieldRef()
                .endValueFrom().endEnv()
                .addNewVolumeMount().withName("scenario").withMountPath(MOUNT).withReadOnly(true)
                .endVolumeMount().endContainer()
                .addNewVolume().withName("scenario").withNewConfigMap().withName(name).endConfigMap()
                .endVolume().endSpec().endTemplate().endSpec().build();
    }

    /** The container's arguments; Kubernetes expands {@code $(SHARD_INDEX)}. */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("run", MOUNT + "/" + scenario,
                "--shard", "$(SHARD_INDEX)/" + shards, "--start-at", startAt.toString(),
                "--quiet", "--print-results", "--out", "/tmp/apitune"));
        return List.copyOf(args);
    }

    /** Both objects as one YAML stream, for {@code kubectl apply -f -}. */
    public String yaml() {
        List<HasMetadata> objects = List.of(configMap(), job());
        StringBuilder out = new StringBuilder();
        for (HasMetadata object : objects) {
            String doc = Serialization.asYaml(object);
            out.append(doc.startsWith("---") ? doc : "---\n" + doc);
        }
        return out.toString();
    }
}
