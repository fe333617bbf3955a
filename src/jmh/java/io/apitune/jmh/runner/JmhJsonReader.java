package io.apitune.jmh.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.ApituneException;

/**
 * Reads a JMH JSON result file (what {@code --json} and {@code jmh.json} hold, or
 * {@code java -jar benchmarks.jar -rf json}) back into {@link JmhResult}s, so a stored run can
 * serve as the {@code baseline} of gates.
 *
 * <p>Stateless; thread-safe.
 */
public final class JmhJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhJsonReader() {
    }

    /** @throws ApituneException (exit 2) naming {@code option} and the file when it is not JMH JSON */
    public static List<JmhResult> read(Path file, String option) {
        JsonNode doc;
        try {
            doc = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw ApituneException.invalidInput(option + ": cannot read '" + file + "': "
                    + e.getMessage().split("\n")[0]);
        }
        if (doc == null || !doc.isArray()) {
            throw ApituneException.invalidInput(option + ": '" + file + "' is not a JMH JSON result "
                    + "(an array of benchmarks, e.g. a jmh.json from a run directory)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode entry : doc) {
            results.add(result(entry, file, option));
        }
        return results;
    }

    private static JmhResult result(JsonNode entry, Path file, String option) {
        JsonNode primary = entry.path("primaryMetric");
        if (!entry.path("benchmark").isTextual() || !primary.path("score").isNumber()) {
            throw ApituneException.invalidInput(option + ": '" + file
                    + "' has an entry without benchmark name or primaryMetric.score");
        }
        Map<String, String> params = new LinkedHashMap<>();
        entry.path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue().asText()));
        Map<String, Double> secondary = new LinkedHashMap<>();
        entry.path("secondaryMetrics").fields().forEachRemaining(
                m -> secondary.put(m.getKey(), m.getValue().path("score").asDouble(Double.NaN)));
        JsonNode error = primary.path("scoreError");
        String benchmark = entry.get("benchmark").asText();
        return new JmhResult(benchmark, JmhResult.shortName(benchmark), entry.path("mode").asText(),
                params, primary.get("score").asDouble(), error.isNumber() ? error.asDouble() : null,
                primary.path("scoreUnit").asText(), primary.path("rawData").size(), secondary);
    }
}
