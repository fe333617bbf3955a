package io.apitune.k8s;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.apitune.ApituneException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The Kubernetes objects of a sharded scenario run: a ConfigMap holding the scenario file and the
 * files it names ({@link ScenarioFiles}), mounted at {@link #MOUNT} so that the scenario's
 * relative paths resolve, and an Indexed Job of {@code shards} pods, pod I running
 * {@code apitune run /scenario/FILE --shard I/N --start-at T --print-intervals --print-results},
 * its index taken from the Job's completion index; its live progress ({@link IntervalFrames})
 * and results ({@link ResultFrames}) travel in its log. Each index gets one pod and no retry
 * ({@code backoffLimitPerIndex: 0}), and a failed index does not stop the others
 * ({@code maxFailedIndexes} = shards): Kubernetes 1.29 or later (1.28 with the JobBackoffLimitPerIndex
 * feature gate). Built with the fabric8 model classes, so what is printed is what the API accepts.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name      the Job's and ConfigMap's name (a DNS label)
 * @param namespace where they are created; null leaves it out of the manifest (kubectl's current
 *                  namespace)
 * @param image     the apitune container image (see README, "More than one machine")
 * @param shards    pods, one shard each, >= 1
 * @param startAt   the common start time of measurement
 * @param scenario  the scenario's file name; a key of {@code files}
 * @param files     path relative to the scenario's directory to content: the scenario and the
 *                  files it names
 */
public record ShardJob(String name, String namespace, String image, int shards, Instant startAt,
        String scenario, Map<String, byte[]> files) {
    /** The pod annotation that holds the completion index of an Indexed Job. */
    public static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
    /** Where the ConfigMap is mounted in the pod. */
    public static final String MOUNT = "/scenario";
    /** The label on every object created, for selection and clean-up. */
    public static final String LABEL = "apitune.io/run";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern NOT_KEY = Pattern.compile("[^-._a-zA-Z0-9]");

    public ShardJob {
        Objects.requireNonNull(startAt, "startAt");
        if (!DNS_LABEL.matcher(name).matches() || name.length() > 52) {
            throw ApituneException.invalidInput("--name: \"" + name + "\" is not a DNS label of at "
                    + "most 52 characters (lower case letters, digits, '-')");
        }
        if (namespace != null && !DNS_LABEL.matcher(namespace).matches()) {
            throw ApituneException.invalidInput("--namespace: \"" + namespace + "\" is not a DNS label");
        }
        if (image == null || image.isBlank()) {
            throw ApituneException.invalidInput("--image: must name a container image");
        }
        ApituneException.require(shards >= 1, "--shards", shards, "must be at least 1");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        if (!files.containsKey(scenario)) {
            throw new IllegalArgumentException("scenario " + scenario + " not among the files");
        }
    }

    /** This Job in {@code namespace}. */
    public ShardJob inNamespace(String namespace) {
        return new ShardJob(name, namespace, image, shards, startAt, scenario, files);
    }

    /** The ConfigMap with the scenario and its files: UTF-8 text in data, anything else in binaryData. */
    public ConfigMap configMap() {
        Map<String, String> text = new TreeMap<>();
        Map<String, String> binary = new TreeMap<>();
        List<String> keys = keys();
        int i = 0;
        for (byte[] content : files.values()) {
            String utf8 = utf8(content);
            if (utf8 != null) {
                text.put(keys.get(i++), utf8);
            } else {
                binary.put(keys.get(i++), Base64.getEncoder().encodeToString(content));
            }
        }
        ConfigMapBuilder map = new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(LABEL, name).endMetadata().addToData(text);
        return (binary.isEmpty() ? map : map.addToBinaryData(binary)).build();
    }

    /** The Indexed Job: one pod per shard, none retried, a failed one not stopping the others. */
    public Job job() {
        return new JobBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels(LABEL, name).endMetadata()
                .withNewSpec().withCompletionMode("Indexed").withCompletions(shards)
                .withParallelism(shards).withBackoffLimitPerIndex(0).withMaxFailedIndexes(shards)
                .withNewTemplate().withNewMetadata().addToLabels(LABEL, name).endMetadata()
                .withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("apitune").withImage(image).withArgs(args())
                .addNewEnv().withName("SHARD_INDEX").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.annotations['" + INDEX_ANNOTATION + "']").endFieldRef()
                .endValueFrom().endEnv()
                .addNewVolumeMount().withName("scenario").withMountPath(MOUNT).withReadOnly(true)
                .endVolumeMount().endContainer()
                .addNewVolume().withName("scenario").withNewConfigMap().withName(name).withItems(items())
                .endConfigMap().endVolume().endSpec().endTemplate().endSpec().build();
    }

    /** Each file's ConfigMap key projected to its relative path under {@link #MOUNT}. */
    private List<KeyToPath> items() {
        List<KeyToPath> items = new ArrayList<>();
        List<String> keys = keys();
        int i = 0;
        for (String path : files.keySet()) {
            items.add(new KeyToPathBuilder().withKey(keys.get(i++)).withPath(path).build());
        }
        return items;
    }

    /** The ConfigMap keys, in the order of {@code files}: the scenario's file name, then numbered. */
    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        int n = 0;
        for (String path : files.keySet()) {
            String base = NOT_KEY.matcher(path.substring(path.lastIndexOf('/') + 1)).replaceAll("_");
            keys.add(path.equals(scenario) ? base : String.format(Locale.ROOT, "file-%d-%s", ++n, base));
        }
        return keys;
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
    /** The container's arguments; Kubernetes expands {@code $(SHARD_INDEX)}. */
    List<String> args() {
        List<String> args = new ArrayList<>(List.of("run", MOUNT + "/" + scenario,
                "--shard", "$(SHARD_INDEX)/" + shards, "--start-at", startAt.toString(),
                "--quiet", "--print-intervals", "--print-results", "--out", "/tmp/apitune"));
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
