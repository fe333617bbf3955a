package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.apitune.load.ErrorCounts;
import io.apitune.load.ErrorKind;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.EnvironmentInfo;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.MergeInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TimelinePoint;
import org.HdrHistogram.Histogram;

/**
 * Writes a merged run directory: {@code latency.hlog} (the merged log), {@code report.json}
 * (kind run, percentiles from the merged histograms) and {@code report.html}. Error counts come
 * from a {@code report.json} next to a source log when there is one (its timeline aligned on the
 * common time base); a bare .hlog carries no errors, which {@code merged.errorsKnown} records.
 *
 * <p>Stateless; thread-safe for different output directories.
 */
public final class MergedReport {
    private static final int KINDS = ErrorKind.values().length;

    private MergedReport() {
    }

    /**
     * Merges the logs and writes the three files into {@code outDir}, which must be new or empty.
     *
     * @param name the run name written to report.json
     * @return the merged report
     */
    public static RunReport write(List<Path> hlogs, Path outDir, String name) {
        ReportDirectory.choose(outDir, name);
        HlogMerge merge = HlogMerge.of(hlogs);
        RunReport report = report(merge, hlogs, name);
        AtomicFiles.writeDirectory(outDir, tmp -> {
            Files.write(tmp.resolve(FileNames.HLOG), merge.toHlog());
            Files.write(Reports.file(tmp), Reports.bytes(report));
            HtmlReport.write(tmp);
        });
        return report;
    }

    static RunReport report(HlogMerge merge, List<Path> hlogs, String name) {
        TreeMap<Long, Histogram> latency = merge.intervals(IntervalLog.TAG_LATENCY);
        long first = latency.isEmpty() ? 0 : latency.firstKey();
        long last = latency.isEmpty() ? 0 : latency.lastKey();
        Instant start = Instant.ofEpochMilli(merge.baseMs() + first * HlogFile.INTERVAL_MS);
        long durationMs = (last - first + 1) * HlogFile.INTERVAL_MS;
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(start) + "-" + name;
        MergeInfo provenance = new MergeInfo(hlogs.stream().map(Path::toString).toList(),
                HlogFile.INTERVAL_MS / 1000.0, hlogs.stream().allMatch(p -> siblingReport(p) != null));
        return new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, runId, name, false,
                start.toString(), start.plusMillis(durationMs).toString(), null, null,
                results(merge, latency, first, durationMs),
                EnvironmentInfo.current().withNote("environment of the machine that merged the logs"),
                FileNames.RUN, provenance, null);
    }

    private static Results results(HlogMerge merge, TreeMap<Long, Histogram> latency, long first,
            long durationMs) {
        TreeMap<Long, long[]> errors = new TreeMap<>();
        TreeMap<Long, Long> requests = new TreeMap<>();
        latency.forEach((index, h) -> requests.put(index, h.getTotalCount()));
        for (HlogFile source : merge.sources()) {
            addSiblingTimeline(source, merge.baseMs(), errors, requests);
        }
        long total = requests.values().stream().mapToLong(Long::longValue).sum();
        long[] errorTotals = new long[KINDS];
        errors.values().forEach(e -> {
            for (int i = 0; i < KINDS; i++) {
                errorTotals[i] += e[i];
            }
        });
        return RunReports.results(durationMs * 1_000_000L, total, null, ErrorCounts.of(errorTotals),
                merge.total(IntervalLog.TAG_LATENCY), merge.total(IntervalLog.TAG_SERVICE),
                timeline(first, requests, errors));
    }

    /**
     * Replaces the hlog count of each interval the sibling report covers by that report's own
     * request count (which includes errors) and collects its errors by class.
     */
    private static void addSiblingTimeline(HlogFile source, long baseMs, TreeMap<Long, long[]> errors,
            TreeMap<Long, Long> requests) {
        RunReport report = siblingReport(source.path());
        if (report == null) {
            return;
        }
        long offset = Math.round((source.startTimeMs() - baseMs) / (double) HlogFile.INTERVAL_MS);
        TreeMap<Long, HlogFile.IntervalStats> own = source.stats(IntervalLog.TAG_LATENCY);
        for (TimelinePoint entry : report.results().timeline()) {
            long local = Math.round(entry.t());
            long index = offset + local;
            long hlogCount = own.containsKey(local) ? own.get(local).count() : 0;
            requests.merge(index, entry.requests() - hlogCount, Long::sum);
            long[] counts = errors.computeIfAbsent(index, i -> new long[KINDS]);
            for (ErrorKind kind : ErrorKind.values()) {
                counts[kind.ordinal()] += entry.errors().get(kind);
            }
        }
    }

    /** The run report in the same directory that names this file as its hlog, else null. */
    static RunReport siblingReport(Path hlog) {
        Path json = Reports.file(hlog.toAbsolutePath().getParent());
        if (!Files.isRegularFile(json)) {
            return null;
        }
        RunReport doc = Reports.readRun(json);
        return doc.fileNames().hlogOrDefault().equals(hlog.getFileName().toString()) ? doc : null;
    }

    private static List<TimelinePoint> timeline(long first, TreeMap<Long, Long> requests,
            TreeMap<Long, long[]> errors) {
        List<TimelinePoint> timeline = new ArrayList<>();
        long last = Math.max(requests.isEmpty() ? first : requests.lastKey(),
                errors.isEmpty() ? first : errors.lastKey());
        for (long index = first; index <= last; index++) {
            timeline.add(new TimelinePoint((index - first) * HlogFile.INTERVAL_MS / 1000.0,
                    requests.getOrDefault(index, 0L),
                    ErrorTally.of(errors.getOrDefault(index, new long[KINDS]), false)));
        }
        return timeline;
    }
}
