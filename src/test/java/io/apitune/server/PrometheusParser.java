package io.apitune.server;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;

/**
 * Parses Prometheus text exposition with a real parser: the official Python client's
 * {@code prometheus_client.parser.text_string_to_metric_families} (Debian package
 * {@code python3-prometheus-client}), which raises on malformed text. The Java client has no
 * text parser. Without the package the caller is skipped, unless {@code CI=true}, where that is
 * a failure.
 *
 * <p>Stateless; thread-safe.
 */
final class PrometheusParser {
    /** Reads exposition text on stdin, prints one JSON sample per line, exits 1 on bad text. */
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "text = sys.stdin.read()",
            "for family in text_string_to_metric_families(text):",
            "    for s in family.samples:",
            "        print(json.dumps({'family': family.name, 'type': family.type,",
            "            'name': s.name, 'labels': s.labels, 'value': s.value}))");

    /** One sample line: metric name, labels, value. */
    record Sample(String family, String type, String name, Map<String, Object> labels,
            double value) {
        String label(String key) {
            Object v = labels.get(key);
            return v == null ? null : v.toString();
        }
    }

    private PrometheusParser() {
    }

    /** The Python interpreter that has prometheus_client, or skips/fails the test without one. */
    static String python() throws Exception {
        for (String candidate : Stream.of("/usr/bin/python3", "python3").toList()) {
            if (candidate.startsWith("/") && !Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            Process p = new ProcessBuilder(candidate, "-c", "import prometheus_client.parser")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return candidate;
            }
        }
        String reason = "python3 with prometheus_client not found "
                + "(apt-get install python3-prometheus-client)";
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but " + reason);
        }
        assumeTrue(false, reason + "; skipping");
        return null;
    }

    /** Every sample of {@code text}; fails the test when the parser rejects it. */
    static List<Sample> parse(String python, String text) throws Exception {
        Process p = new ProcessBuilder(python, "-c", SCRIPT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] out;
        try (InputStream stdout = p.getInputStream(); InputStream stderr = p.getErrorStream()) {
            out = stdout.readAllBytes();
            stderr.transferTo(err);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("the Prometheus parser rejected /metrics: " + err.toString(StandardCharsets.UTF_8));
        }
        List<Sample> samples = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject s = new JsonObject(line);
            samples.add(new Sample(s.getString("family"), s.getString("type"), s.getString("name"),
                    s.getJsonObject("labels").getMap(), s.getDouble("value")));
        }
        return samples;
    }
}
