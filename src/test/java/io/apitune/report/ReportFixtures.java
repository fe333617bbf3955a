package io.apitune.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.report.model.LatencySummary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Test-only generator of run directories as the load generator writes them: a latency.hlog with a
 * known distribution (log-normal around a base latency, plus an optional stall where latency from
 * the intended send time climbs while service time stays normal) and a report.json per
 * docs/report-schema.md computed from the same histograms.
 */
final class ReportFixtures {
    static final long LOWEST_NANOS = 1_000;
    static final long HIGHEST_NANOS = 3_600_000_000_000L;
    static final int DIGITS = 3;

    /** What a generated run recorded, for oracle comparisons. */
    record Run(Path dir, Histogram latency, Histogram service, long startMs) {
    }

    private ReportFixtures() {
    }

    static Histogram histogram() {
        return new Histogram(LOWEST_NANOS, HIGHEST_NANOS, DIGITS);
    }

    /**
     * @param stallSecond the interval whose latency climbs to ~250 ms (a 250 ms pause), or -1
     */
    static Run writeRun(Path dir, String name, long seed, double baseMs, int seconds, int perSecond,
                        int stallSecond, long startMs) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Histogram latencyTotal = histogram();
        Histogram serviceTotal = histogram();
        ArrayNode timeline = JsonNodeFactory.instance.arrayNode();
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")))) {
            HistogramLogWriter writer = logWriter(out, startMs);
            for (int s = 0; s < seconds; s++) {
                Histogram latency = histogram();
                Histogram service = histogram();
                for (int i = 0; i < perSecond; i++) {
                    long serviceNanos = (long) (baseMs * 1e6 * Math.exp(0.35 * random.nextGaussian()));
                    long queued = s == stallSecond ? (long) ((perSecond - i) * 250e6 / perSecond) : 0;
                    service.recordValue(serviceNanos);
                    latency.recordValue(serviceNanos + queued);
                }
                output(writer, latency, "latency", startMs + s * 1000L);
                output(writer, service, "service", startMs + s * 1000L);
                latencyTotal.add(latency);
                serviceTotal.add(service);
                timeline.add(timelineEntry(s, perSecond, s == stallSecond));
            }
        }
        ObjectNode doc = document(name, startMs, seconds, latencyTotal, serviceTotal, timeline);
        AtomicFiles.write(dir.resolve("report.json"), doc.toPrettyString());
        return new Run(dir, latencyTotal, serviceTotal, startMs);
    }

    private static HistogramLogWriter logWriter(PrintStream out, long startMs) {
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMs);
        writer.setBaseTime(startMs);
        writer.outputLegend();
        return writer;
    }

    private static void output(HistogramLogWriter writer, Histogram h, String tag, long startMs) {
        output(writer, h, tag, startMs, 1000);
    }

    private static void output(HistogramLogWriter writer, Histogram h, String tag, long startMs, long lengthMs) {
        h.setTag(tag);
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(startMs + lengthMs);
        writer.outputIntervalHistogram(h);
    }

    private static ObjectNode timelineEntry(int second, int requests, boolean stall) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("t", (double) second).put("requests", requests + (stall ? 7 : 0));
        ObjectNode errors = entry.putObject("errors");
        errors.put("connect", 0).put("timeout", stall ? 5 : 0).put("status4xx", 0)
                .put("status5xx", stall ? 2 : 0).put("other", 0);
        return entry;
    }

    private static ObjectNode document(String name, long startMs, int seconds, Histogram latency,
                                       Histogram service, ArrayNode timeline) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("schemaVersion", 1).put("kind", "run").put("runId", "20261127-011500-" + name.length())
                .put("name", name).put("interrupted", false)
                .put("startTime", Instant.ofEpochMilli(startMs).toString())
                .put("endTime", Instant.ofEpochMilli(startMs + seconds * 1000L).toString());
        ObjectNode target = doc.putObject("target");
        target.put("kind", "url").put("url", "http://127.0.0.1:41234/cached/item/{key}?q=<b>&x=1");
        ObjectNode config = doc.putObject("config");
        config.put("model", "open").put("rate", 1000.0).put("arrival", "constant").put("connections", 64)
                .put("durationSeconds", (double) seconds).putNull("requests").put("warmupSeconds", 2.0)
                .put("method", "GET").put("keys", 1000).put("keyDistribution", "zipf:1.1");
        config.putArray("headers").add("Accept: application/json").add("X-Evil: <img src=x onerror=alert(1)>");
        long requests = latency.getTotalCount() + 7L * countStalls(timeline);
        long errors = 7L * countStalls(timeline);
        ObjectNode results = doc.putObject("results");
        results.put("durationSeconds", (double) seconds).put("requests", requests)
                .put("throughput", requests / (double) seconds).put("targetRate", 1000.0);
        results.putObject("errors").put("total", errors).put("connect", 0).put("timeout", errors / 7 * 5)
                .put("status4xx", 0).put("status5xx", errors / 7 * 2).put("other", 0);
        results.put("errorRate", errors / (double) requests);
        results.set("latency", Reports.MAPPER.valueToTree(LatencySummary.of(latency)));
        results.set("serviceTime", Reports.MAPPER.valueToTree(LatencySummary.of(service)));
        results.set("timeline", timeline);
        doc.putObject("environment").put("apitune", "0.1.0").put("jvm", "17.0.15+6").put("cores", 2)
                .put("os", "Linux 6.1").put("hostname", "fixture-host");
        doc.putObject("files").put("hlog", "latency.hlog").put("html", "report.html");
        return doc;
    }

    private static long countStalls(ArrayNode timeline) {
        long n = 0;
        for (var e : timeline) {
            n += e.path("errors").path("timeout").asLong() > 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * A version-2 run as this release writes it: {@code okPerSecond} OK answers and
     * {@code koPerSecond} failures (5xx, {@code failureMs} each) in each of {@code seconds} full
     * intervals, then a 0.3 s drain after the last intended send with a few late answers; tags
     * latency, service and failure; a closed-model config; a theory block bounding goodput at
     * {@code boundPerSecond} (workers bind below 1000/s, connections above), or none when it is NaN.
     */
    static Path writeV2Run(Path dir, String name, long seed, double baseMs, int seconds, int okPerSecond,
                           int koPerSecond, double failureMs, double boundPerSecond, long startMs) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Histogram latencyTotal = histogram();
        Histogram failureTotal = histogram();
        ArrayNode timeline = JsonNodeFactory.instance.arrayNode();
        try (PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("latency.hlog")))) {
            HistogramLogWriter writer = logWriter(out, startMs);
            for (int s = 0; s <= seconds; s++) {
                boolean drain = s == seconds;
                int ok = drain ? okPerSecond / 20 : okPerSecond;
                int ko = drain ? 0 : koPerSecond;
                Histogram latency = histogram();
                Histogram failure = histogram();
                for (int i = 0; i < ok; i++) {
                    latency.recordValue((long) (baseMs * 1e6 * Math.exp(0.35 * random.nextGaussian())));
                }
                for (int i = 0; i < ko; i++) {
                    failure.recordValue((long) (failureMs * 1e6 * (1 + 0.01 * random.nextDouble())));
                }
                long length = drain ? 300 : 1000;
                output(writer, latency, "latency", startMs + s * 1000L, length);
                output(writer, latency.copy(), "service", startMs + s * 1000L, length);
                output(writer, failure, "failure", startMs + s * 1000L, length);
                latencyTotal.add(latency);
                failureTotal.add(failure);
                ObjectNode entry = timeline.addObject().put("t", (double) s).put("requests", ok + ko).put("ok", ok);
                entry.putObject("errors").put("connect", 0).put("timeout", 0).put("status4xx", 0)
                        .put("status5xx", ko).put("check", 0).put("other", 0);
            }
        }
        double duration = seconds + 0.3;
        long koTotal = failureTotal.getTotalCount();
        long requests = latencyTotal.getTotalCount() + koTotal;
        ObjectNode doc = document(name, startMs, seconds, latencyTotal, latencyTotal, timeline);
        doc.put("schemaVersion", 2);
        ((ObjectNode) doc.path("config")).put("model", "closed").putNull("rate").put("connections", 256);
        ObjectNode results = (ObjectNode) doc.path("results");
        results.put("durationSeconds", duration).put("requests", requests).put("ok", latencyTotal.getTotalCount())
                .put("throughput", latencyTotal.getTotalCount() / duration).put("requestRate", requests / duration)
                .putNull("targetRate").put("errorRate", koTotal / (double) requests);
        results.putObject("errors").put("total", koTotal).put("connect", 0).put("timeout", 0)
                .put("status4xx", 0).put("status5xx", koTotal).put("check", 0).put("other", 0);
        results.set("failureLatency", Reports.MAPPER.valueToTree(LatencySummary.of(failureTotal)));
        if (!Double.isNaN(boundPerSecond)) {
            boolean workers = boundPerSecond < 1000;
            doc.putObject("theory").put("mode", name).put("model", "closed").put("boundPerSecond", boundPerSecond)
                    .put("fraction", latencyTotal.getTotalCount() / duration / boundPerSecond)
                    .put("limitedBy", workers ? "workers" : "connections").put("formula", workers ? "W / L" : "C / L")
                    .put("explanation", (workers ? Math.round(boundPerSecond / 50) + " workers"
                            : Math.round(boundPerSecond / 50) + " connections") + " / 20 ms");
        }
        AtomicFiles.write(dir.resolve("report.json"), doc.toPrettyString());
        return dir;
    }

    /** A report.json as an editable tree. */
    static ObjectNode readJson(Path file) {
        try {
            return (ObjectNode) Reports.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void writeJson(Path file, com.fasterxml.jackson.databind.JsonNode doc) {
        AtomicFiles.write(file, doc.toPrettyString());
    }
}
