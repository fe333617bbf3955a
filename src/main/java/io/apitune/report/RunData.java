package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;

import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;

/**
 * One run as the HTML report sees it: its report and, when present, its interval log and the
 * whole-run histograms added from it.
 *
 * <p>Immutable after construction; safe to share between threads for reading.
 */
record RunData(RunReport doc, Path dir, HlogFile hlog, Histogram latency, Histogram service, String name) {

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
        String name = doc.name() != null ? doc.name() : doc.runId() != null ? doc.runId() : "run";
        return new RunData(doc, dir, hlog, latency, service, name);
    }

    /** The same run shown under another label (e.g. a capacity step with its rate). */
    RunData withName(String label) {
        return new RunData(doc, dir, hlog, latency, service, label);
    }

    Results results() {
        return doc.results();
    }
}
