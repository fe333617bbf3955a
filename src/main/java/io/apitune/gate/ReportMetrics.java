package io.apitune.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.apitune.ApituneException;

/**
 * Resolves gate metrics on report.json documents (docs/report-schema.md): latency percentiles
 * {@code p50 p75 p90 p99 p99.9 p99.99 max mean min} (from the intended send time; prefix
 * {@code service.} for service time), {@code throughput}, {@code errors} (error rate),
 * {@code errorCount} and {@code requests}. A single-run document is one run under its
 * {@code name}; a combined document (with {@code runs}) has one run per entry.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class ReportMetrics implements MetricResolver {
    private static final List<String> LATENCY_KEYS =
            List.of("p50", "p75", "p90", "p99", "p99.9", "p99.99", "max", "mean", "min");
    private static final Map<String, Metric> METRICS = metrics();

    /** Run name to its report document; documents are null when only names are known. */
    private final Map<String, JsonNode> runs;

    private ReportMetrics(Map<String, JsonNode> runs) {
        this.runs = runs;
    }

    /** Resolver over a run's or a combined report.json document. */
    public static ReportMetrics of(JsonNode document) {
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        JsonNode list = document.path("runs");
        if (list.isArray()) {
            for (JsonNode run : list) {
                runs.put(run.path("name").asText(), run);
            }
        } else {
            runs.put(document.path("name").asText(), document);
        }
        if (runs.isEmpty()) {
            throw ApituneException.invalidInput("report has no runs");
        }
        return new ReportMetrics(runs);
    }

    /** Resolver over named runs, in order, given as report documents. */
    public static ReportMetrics ofRuns(Map<String, JsonNode> documents) {
        return new ReportMetrics(new LinkedHashMap<>(documents));
    }

    /**
     * Resolver that knows run and metric names only (values are NaN): evaluating gates against
     * it checks every name before any load is sent.
     */
    public static ReportMetrics namesOnly(List<String> runNames) {
        Map<String, JsonNode> runs = new LinkedHashMap<>();
        runNames.forEach(name -> runs.put(name, null));
        return new ReportMetrics(runs);
    }

    @Override
    public Set<String> runs() {
        return runs.keySet();
    }

    @Override
    public List<String> defaultRuns() {
        return List.copyOf(runs.keySet());
    }

    @Override
    public Optional<Measured> lookup(String run, String metric) {
        Metric m = METRICS.get(metric);
        if (m == null || !runs.containsKey(run)) {
            return Optional.empty();
        }
        JsonNode doc = runs.get(run);
        double value = doc == null ? Double.NaN : number(doc.at(m.pointer()));
        return Optional.of(Measured.of(value, m.quantity()));
    }

    @Override
    public String knownMetrics() {
        return String.join(", ", METRICS.keySet());
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static Map<String, Metric> metrics() {
        Map<String, Metric> map = new LinkedHashMap<>();
        for (String key : LATENCY_KEYS) {
            map.put(key, new Metric("/results/latency/" + key, Quantity.DURATION_MS));
        }
        map.put("throughput", new Metric("/results/throughput", Quantity.RATE_PER_SECOND));
        map.put("errors", new Metric("/results/errorRate", Quantity.FRACTION));
        map.put("errorCount", new Metric("/results/errors/total", Quantity.COUNT));
        map.put("requests", new Metric("/results/requests", Quantity.COUNT));
        for (String key : LATENCY_KEYS) {
            map.put("service." + key, new Metric("/results/serviceTime/" + key,
                    Quantity.DURATION_MS));
        }
        return Collections.unmodifiableMap(map);
    }

    private record Metric(String pointer, Quantity quantity) {
    }
}
