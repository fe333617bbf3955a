package io.apitune.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.Version;
import org.HdrHistogram.Histogram;

/**
 * Writes a merged run directory: {@code latency.hlog} (the merged log), {@code report.json}
 * (kind run, percentiles computed from the merged histograms) and {@code report.html}. Error counts
 * come from a {@code report.json} next to a source log when there is one (its timeline aligned on
 * the common time base); a bare .hlog carries no errors, which {@code merged.errorsKnown} records.
 *
 * <p>Stateless; thread-safe for different output directories.
 */
public final class MergedReport {
    private static final String[] ERROR_CLASSES = {"connect", "timeout", "status4xx", "status5xx", "other"};
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MergedReport() {
    }

    /**
     * Merges the logs and writes the three files into {@code outDir} (created if needed).
     *
     * @param name the run name written to report.json
     * @return the merged report.json document
     */
    public static JsonNode write(List<Path> hlogs, Path outDir, String name) {
        HlogMerge merge = HlogMerge.of(hlogs);
        ObjectNode doc = document(merge, hlogs, name);
        ReportFiles.writeAtomically(outDir.resolve(ReportFiles.LATENCY_HLOG), merge.toHlog());
        ReportFiles.writeJson(outDir.resolve(ReportFiles.REPORT_JSON), doc);
        HtmlReport.write(outDir);
        return doc;
    }

    static ObjectNode document(HlogMerge merge, List<Path> hlogs, String name) {
        TreeMap<Long, Histogram> latency = merge.intervals(HlogFile.LATENCY);
        long first = latency.isEmpty() ? 0 : latency.firstKey();
        long last = latency.isEmpty() ? 0 : latency.lastKey();
        Instant start = Instant.ofEpochMilli(merge.baseMs() + first * HlogFile.INTERVAL_MS);
        double seconds = (last - first + 1) * HlogFile.INTERVAL_MS / 1000.0;
        ObjectNode doc = NODES.objectNode();
        doc.put("schemaVersion", 1).put("kind", "run");
        doc.put("runId", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(start)
                + "-" + name);
        doc.put("name", name).put("interrupted", false);
        doc.put("startTime", start.toString());
        doc.put("endTime", start.plusMillis(Math.round(seconds * 1000)).toString());
        doc.putNull("target");
        doc.putNull("config");
        doc.set("results", results(merge, latency, first, seconds));
        doc.set("environment", environment());
        ObjectNode files = doc.putObject("files");
        files.put("hlog", ReportFiles.LATENCY_HLOG).put("html", ReportFiles.REPORT_HTML);
        ObjectNode merged = doc.putObject("merged");
        ArrayNode sources = merged.putArray("sources");
        hlogs.forEach(p -> sources.add(p.toString()));
        merged.put("intervalSeconds", HlogFile.INTERVAL_MS / 1000.0);
        merged.put("errorsKnown", hlogs.stream().allMatch(p -> siblingReport(p) != null));
        return doc;
    }

    private static ObjectNode results(HlogMerge merge, TreeMap<Long, Histogram> latency, long first,
                                      double seconds) {
        TreeMap<Long, long[]> errorsByInterval = new TreeMap<>();
        TreeMap<Long, Long> requestsByInterval = new TreeMap<>();
        latency.forEach((index, h) -> requestsByInterval.put(index, h.getTotalCount()));
        for (HlogFile source : merge.sources()) {
            addSiblingTimeline(source, merge.baseMs(), errorsByInterval, requestsByInterval);
        }
        long requests = requestsByInterval.values().stream().mapToLong(Long::longValue).sum();
        long[] errorTotals = new long[ERROR_CLASSES.length];
        errorsByInterval.values().forEach(e -> {
            for (int i = 0; i < e.length; i++) {
                errorTotals[i] += e[i];
            }
        });
        ObjectNode r = NODES.objectNode();
        r.put("durationSeconds", seconds).put("requests", requests).put("throughput", requests / seconds);
        r.putNull("targetRate");
        ObjectNode errors = r.putObject("errors");
        long totalErrors = java.util.Arrays.stream(errorTotals).sum();
        errors.put("total", totalErrors);
        putErrors(errors, errorTotals);
        r.put("errorRate", requests == 0 ? 0 : (double) totalErrors / requests);
        r.set("latency", summary(merge.total(HlogFile.LATENCY)));
        r.set("serviceTime", summary(merge.total(HlogFile.SERVICE)));
        r.set("timeline", timeline(first, requestsByInterval, errorsByInterval));
        return r;
    }

    /**
     * Replaces the hlog count of each interval the sibling report covers by that report's own
     * request count (which includes errors) and collects its errors by class.
     */
    private static void addSiblingTimeline(HlogFile source, long baseMs, TreeMap<Long, long[]> errors,
                                           TreeMap<Long, Long> requests) {
        JsonNode report = siblingReport(source.path());
        if (report == null) {
            return;
        }
        long offset = Math.round((source.startTimeMs() - baseMs) / (double) HlogFile.INTERVAL_MS);
        TreeMap<Long, HlogFile.IntervalStats> own = source.stats(HlogFile.LATENCY);
        for (JsonNode entry : report.path("results").path("timeline")) {
            long local = Math.round(entry.path("t").asDouble());
            long index = offset + local;
            long hlogCount = own.containsKey(local) ? own.get(local).count() : 0;
            requests.merge(index, entry.path("requests").asLong() - hlogCount, Long::sum);
            long[] counts = errors.computeIfAbsent(index, i -> new long[ERROR_CLASSES.length]);
            for (int i = 0; i < ERROR_CLASSES.length; i++) {
                counts[i] += entry.path("errors").path(ERROR_CLASSES[i]).asLong();
            }
        }
    }

    /** The report.json in the same directory that names this file as its hlog, else null. */
    static JsonNode siblingReport(Path hlog) {
        Path json = hlog.toAbsolutePath().resolveSibling(ReportFiles.REPORT_JSON);
        if (!Files.isRegularFile(json)) {
            return null;
        }
        JsonNode doc = ReportFiles.readReport(json);
        String named = doc.path("files").path("hlog").asText(ReportFiles.LATENCY_HLOG);
        return named.equals(hlog.getFileName().toString()) ? doc : null;
    }

    private static ArrayNode timeline(long first, TreeMap<Long, Long> requests, TreeMap<Long, long[]> errors) {
        ArrayNode timeline = NODES.arrayNode();
        long last = Math.max(requests.isEmpty() ? first : requests.lastKey(),
                errors.isEmpty() ? first : errors.lastKey());
        for (long index = first; index <= last; index++) {
            ObjectNode entry = timeline.addObject();
            entry.put("t", (index - first) * HlogFile.INTERVAL_MS / 1000.0);
            entry.put("requests", requests.getOrDefault(index, 0L));
            putErrors(entry.putObject("errors"), errors.getOrDefault(index, new long[ERROR_CLASSES.length]));
        }
        return timeline;
    }

    private static void putErrors(ObjectNode target, long[] counts) {
        for (int i = 0; i < ERROR_CLASSES.length; i++) {
            target.put(ERROR_CLASSES[i], counts[i]);
        }
    }

    private static JsonNode summary(Histogram h) {
        return h == null ? NODES.nullNode() : ReportJson.stats(h);
    }

    private static ObjectNode environment() {
        ObjectNode env = NODES.objectNode();
        env.put("apitune", Version.get()).put("jvm", Runtime.version().toString());
        env.put("jvmVendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            env.put("hostname", InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            env.putNull("hostname");
        }
        env.put("note", "environment of the machine that merged the logs");
        return env;
    }
}
