package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;

import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;

/**
 * One run as the HTML report sees it: its report and, when present, its interval log and the
 * whole-run histograms added from it (OK latency, OK service time, and failures: null in a log
 * written before failures had a tag).
 *
 * <p>Immutable after construction; safe to share between threads for reading.
 */
record RunData(RunReport doc, Path dir, HlogFile hlog, Histogram latency, Histogram service,
        Histogram failure, String name) {

    /** Loads the interval log {@code files.hlog} names from {@code dir} when it exists. */
    static RunData of(RunReport doc, Path dir) {
        HlogFile hlog = null;
        if (dir != null) {
            Path file = dir.resolve(doc.fileNames().hlogOrDefault());
            if (Files.isRegularFile(file)) {
                hlog = HlogFile.read(file);
            }
        }
        Histogram latency = hlog == null ? null : hlog.total(IntervalLog.TAG_LATENCY);
        Histogram service = hlog == null ? null : hlog.total(IntervalLog.TAG_SERVICE);
        Histogram failure = hlog == null ? null : hlog.total(IntervalLog.TAG_FAILURE);
        String name = doc.name() != null ? doc.name() : doc.runId() != null ? doc.runId() : "run";
        return new RunData(doc, dir, hlog, latency, service, failure, name);
    }

    /** The same run shown under another label (e.g. a capacity step with its rate). */
    RunData withName(String label) {
        return new RunData(doc, dir, hlog, latency, service, failure, label);
    }

    /** The run's planned measured duration, or null (a request count, a merged run). */
    Double plannedSeconds() {
        return doc.config() == null ? null : doc.config().durationSeconds();
    }

    /** True for a version-1 report: its throughput and latency count failed requests too. */
    boolean version1() {
        return results().ok() == null;
    }

    Results results() {
        return doc.results();
    }
}
