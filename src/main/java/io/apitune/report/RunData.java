package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

/**
 * One run as the HTML report sees it: its {@code report.json} document and, when present, its
 * {@code latency.hlog} and the whole-run histograms added from it.
 *
 * <p>Immutable after construction; safe to share between threads for reading.
 */
record RunData(JsonNode doc, Path dir, HlogFile hlog, Histogram latency, Histogram service, String name) {

    /** Loads the hlog named by {@code files.hlog} (default latency.hlog) from {@code dir} when it exists. */
    static RunData of(JsonNode doc, Path dir) {
        HlogFile hlog = null;
        if (dir != null) {
            Path file = dir.resolve(doc.path("files").path("hlog").asText(ReportFiles.LATENCY_HLOG));
            if (Files.isRegularFile(file)) {
                hlog = HlogFile.read(file);
            }
        }
        Histogram latency = hlog == null ? null : hlog.total(HlogFile.LATENCY);
        Histogram service = hlog == null ? null : hlog.total(HlogFile.SERVICE);
        String name = doc.path("name").asText(doc.path("runId").asText("run"));
        return new RunData(doc, dir, hlog, latency, service, name);
    }

    /** The same run shown under another label (e.g. a capacity step with its rate). */
    RunData withName(String label) {
        return new RunData(doc, dir, hlog, latency, service, label);
    }

    JsonNode results() {
        return doc.path("results");
    }
}
