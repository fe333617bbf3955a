package io.apitune.report;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.ErrorCounts;
import io.apitune.load.ErrorKind;
import io.apitune.load.IntervalSample;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.metrics.LatencyStats;
import io.apitune.scenario.RunSpec;
import io.apitune.scenario.TargetSpec;
import org.HdrHistogram.Histogram;

/**
 * Builds the {@code report.json} document of one run, exactly as docs/report-schema.md
 * (schemaVersion {@value #SCHEMA_VERSION}) specifies.
 *
 * <p>Stateless; thread-safe.
 */
public final class ReportJson {
    /** Version of the report.json format. */
    public static final int SCHEMA_VERSION = 1;
    /** The mapper every report is written with (pretty-printed). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    /** File name of the interval log inside a run directory. */
    public static final String HLOG_FILE = "latency.hlog";
    /** File name of the HTML report inside a run directory. */
    public static final String HTML_FILE = "report.html";

    private ReportJson() {
    }

    /**
     * @param runId       directory name of the run, e.g. {@code 20261127-011500-cached}
     * @param spec        the run as configured
     * @param resolvedUrl the URL that was driven (may contain {@code {key}})
     * @param result      what was measured
     */
    public static ObjectNode build(String runId, RunSpec spec, String resolvedUrl, LoadResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", "run");
        root.put("runId", runId);
        root.put("name", spec.name());
        root.put("interrupted", result.interrupted());
        root.put("startTime", Instant.ofEpochMilli(result.startEpochMillis()).toString());
        root.put("endTime", Instant.ofEpochMilli(result.endEpochMillis()).toString());
        root.set("target", target(spec.target(), resolvedUrl));
        root.set("config", ConfigJson.of(spec.load()));
        root.set("results", results(spec.load(), result));
        root.set("environment", EnvironmentInfo.json());
        ObjectNode files = root.putObject("files");
        files.put("hlog", HLOG_FILE);
        files.put("html", HTML_FILE);
        return root;
    }

    private static ObjectNode target(TargetSpec target, String resolvedUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", target.kind().name().toLowerCase(Locale.ROOT));
        if (target.mode() != null) {
            node.put("mode", target.mode().path());
        }
        node.put("url", resolvedUrl);
        if (target.kind() == TargetSpec.Kind.SERVER) {
            node.put("baseUrl", target.baseUrl());
        }
        if (target.kind() == TargetSpec.Kind.MODE) {
            node.set("server", ConfigJson.of(target.server()));
        }
        if (target.queries() != null) {
            node.put("queries", target.queries());
        }
        return node;
    }

    private static ObjectNode results(LoadConfig config, LoadResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("durationSeconds", result.durationNanos() / 1e9);
        node.put("requests", result.attempts());
        node.put("throughput", result.requestRatePerSecond());
        if (config.ratePerSecond() == null) {
            node.putNull("targetRate");
        } else {
            node.put("targetRate", config.ratePerSecond());
        }
        ObjectNode errors = errors(result.errors());
        errors.put("total", result.errors().total());
        node.set("errors", reorderTotalFirst(errors));
        node.put("errorRate", result.attempts() == 0 ? 0.0
                : (double) result.errors().total() / result.attempts());
        node.set("latency", stats(result.okLatency()));
        node.set("serviceTime", stats(result.okService()));
        ArrayNode timeline = node.putArray("timeline");
        double t = 0;
        for (IntervalSample sample : result.timeline()) {
            ObjectNode point = timeline.addObject();
            point.put("t", round3(t));
            point.put("requests", sample.requests());
            point.set("errors", errors(sample.errors()));
            t = sample.elapsedSeconds();
        }
        return node;
    }

    private static ObjectNode reorderTotalFirst(ObjectNode errors) {
        ObjectNode ordered = MAPPER.createObjectNode();
        ordered.set("total", errors.get("total"));
        errors.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("total")) {
                ordered.set(e.getKey(), e.getValue());
            }
        });
        return ordered;
    }

    private static ObjectNode errors(ErrorCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        for (ErrorKind kind : ErrorKind.values()) {
            node.put(kind.key(), counts.get(kind));
        }
        return node;
    }

    /** Latency statistics in milliseconds as doubles, keyed as the schema says. */
    public static ObjectNode stats(Histogram histogram) {
        LatencyStats stats = LatencyStats.of(histogram);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("count", stats.count());
        node.put("mean", stats.meanNanos() / 1e6);
        for (Map.Entry<String, Long> p : stats.percentilesNanos().entrySet()) {
            node.put(p.getKey(), p.getValue() / 1e6);
        }
        node.put("max", stats.maxNanos() / 1e6);
        node.put("min", stats.minNanos() / 1e6);
        node.put("stddev", stats.stddevNanos() / 1e6);
        return node;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
