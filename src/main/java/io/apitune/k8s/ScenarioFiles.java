package io.apitune.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.apitune.ApituneException;

/**
 * The files a scenario file brings to its pods: itself, and the files it names relative to its
 * directory (feeders' {@code csv} and {@code jsonl}, {@code body-file}, the PEM files
 * {@code cacert}, {@code cert} and {@code key}), keyed by their path relative to the scenario's
 * directory, so that mounted under the same directory in the pod the scenario's relative paths
 * resolve. They travel in the run's ConfigMap, whose whole size the API server limits to 1 MiB:
 * more than {@link #LIMIT_BYTES} together is refused (exit 2), as is a file outside the scenario's
 * directory (the pod could not see it at the path written).
 *
 * <p>Stateless; thread-safe.
 */
public final class ScenarioFiles {
    /** The most the scenario and its files may weigh together: a ConfigMap holds at most 1 MiB. */
    public static final long LIMIT_BYTES = 900 * 1024;

    private static final Set<String> FILE_KEYS = Set.of("csv", "jsonl", "body-file", "cacert", "cert", "key");

    private ScenarioFiles() {
    }

    /**
     * Reads {@code scenario} (already validated by the scenario parser) and its files.
     *
     * @return relative path to content, the scenario first (under its file name)
     */
    public static Map<String, byte[]> read(Path scenario) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path dir = scenario.toAbsolutePath().getParent();
        byte[] text = bytes(scenario);
        files.put(scenario.getFileName().toString(), text);
        try {
            collect(new YAMLMapper().readTree(text), dir, files);
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read scenario " + scenario + ": " + e.getMessage());
        }
        long total = files.values().stream().mapToLong(b -> b.length).sum();
        if (total > LIMIT_BYTES) {
            throw ApituneException.invalidInput(String.format(Locale.ROOT, "%s and the %d files it names "
                    + "weigh %d KiB, more than the %d KiB a ConfigMap carries (its limit is 1 MiB): put the "
                    + "large files in the image or a volume and name them by absolute path in a copy of the "
                    + "scenario", scenario.getFileName(), files.size() - 1, (total + 1023) / 1024, LIMIT_BYTES / 1024));
        }
        return files;
    }

    private static void collect(JsonNode node, Path dir, Map<String, byte[]> files) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collect(item, dir, files));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (FILE_KEYS.contains(entry.getKey()) && value.isTextual()) {
                add(value.asText().trim(), dir, files);
            } else if (value.isContainerNode()) {
                collect(value, dir, files);
            }
        }
    }

    /** Adds the file named {@code written}, when it is one ({@code key} may also be a header's). */
    private static void add(String written, Path dir, Map<String, byte[]> files) {
        Path path = Path.of(written);
        Path resolved = dir.resolve(path).normalize();
        if (!Files.isRegularFile(resolved)) {
            return;
        }
        Path relative = path.isAbsolute() ? null : path.normalize();
        if (relative == null || relative.startsWith("..") || relative.toString().isEmpty()) {
            throw ApituneException.invalidInput("file " + written + " is outside the scenario's directory, "
                    + "where the pods cannot see it: copy it next to the scenario and name it by a relative path");
        }
        files.putIfAbsent(relative.toString().replace('\\', '/'), bytes(resolved));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read " + file);
        }
    }
}
