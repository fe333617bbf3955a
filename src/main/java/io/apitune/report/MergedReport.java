package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.EnvironmentInfo;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.MergeInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TimelinePoint;
import org.HdrHistogram.Histogram;

/**
 * Writes a merged run directory: {@code latency.hlog} (the merged log), {@code report.json}
 * (kind run, percentiles from the merged histograms) and {@code report.html}. Requests and error
 * kinds come from a {@code report.json} next to a source log when there is one (its timeline
 * aligned on the common time base); a bare .hlog gives OK and KO counts only, which
 * {@code merged.errorsKnown} records. The merged run is limited when any source run was.
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
        return write(hlogs, outDir, name, null);
    }

    /**
     * As {@link #write(List, Path, String)} for the shards of one run, some of which may be known
     * to have failed: the merged report names the shards missing and is then partial.
     *
     * @param expected the run's shard count and known failures; null to take them from the
     *                 inputs' reports
     */
    public static RunReport write(List<Path> hlogs, Path outDir, String name, ShardSet.Expected expected) {
        ReportDirectory.choose(outDir, name);
        HlogMerge merge = HlogMerge.of(hlogs);
        RunReport report = report(merge, hlogs, name, expected);
        AtomicFiles.writeDirectory(outDir, tmp -> {
            Files.write(tmp.resolve(FileNames.HLOG), merge.toHlog());
            Files.write(Reports.file(tmp), Reports.bytes(report));
            HtmlReport.write(tmp);
        });
        return report;
    }

    static RunReport report(HlogMerge merge, List<Path> hlogs, String name, ShardSet.Expected expected) {
        TreeMap<Long, Histogram> latency = merge.intervals(IntervalLog.TAG_LATENCY);
        long first = latency.isEmpty() ? 0 : latency.firstKey();
        long last = latency.isEmpty() ? 0 : latency.lastKey();
        Instant start = Instant.ofEpochMilli(merge.baseMs() + first * HlogFile.INTERVAL_MS);
        long durationMs = (last - first + 1) * HlogFile.INTERVAL_MS;
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                .format(start) + "-" + name;
        List<String> notes = hlogs.stream().map(p -> Map.entry(p, Optional.ofNullable(siblingReport(p))))
                .filter(e -> e.getValue().isPresent())
                .flatMap(e -> Reports.versionNote(e.getKey().toString(), e.getValue().get()).stream())
                .map(note -> note + "; merged, its latency still includes the failed answers it recorded")
                .toList();
        List<String> sources = hlogs.stream().map(Path::toString).toList();
        ShardSet shards = ShardSet.of(sources, hlogs.stream().map(MergedReport::siblingReport).toList(),
                expected);
        MergeInfo provenance = new MergeInfo(sources, HlogFile.INTERVAL_MS / 1000.0,
                hlogs.stream().allMatch(p -> siblingReport(p) != null), notes,
                shards == null ? null : shards.count(), shards == null ? List.of() : shards.missing());
        return new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, runId, name, false,
                start.toString(), start.plusMillis(durationMs).toString(), null, null,
                results(merge, first, durationMs),
                EnvironmentInfo.current().withNote("environment of the machine that merged the logs"),
                FileNames.RUN, provenance, null, null, null, null, null);
    }

    /** Counts of one interval on the common time base. */
    private static final class Counts {
        long requests;
        long ok;
        final long[] errors = new long[KINDS];
    }

    private static Results results(HlogMerge merge, long first, long durationMs) {
        TreeMap<Long, Counts> intervals = new TreeMap<>();
        List<String> causes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (HlogFile source : merge.sources()) {
            RunReport report = siblingReport(source.path());
            addSource(source, report, merge.baseMs(), intervals);
            if (report != null && report.results().limited()) {
                report.results().generator().causes().stream().filter(c -> !causes.contains(c))
                        .forEach(causes::add);
                reasons.add(report.name() + ": " + report.results().generator().reason());
            }
        }
        long requests = 0;
        long ok = 0;
        long[] errors = new long[KINDS];
        for (Counts c : intervals.values()) {
            requests += c.requests;
            ok += c.ok;
            for (int i = 0; i < KINDS; i++) {
                errors[i] += c.errors[i];
            }
        }
        double seconds = durationMs / 1000.0;
        Histogram sendLag = merge.total(IntervalLog.TAG_SEND_LAG);
        return new Results(seconds, requests, ok, ok / seconds, requests / seconds, null,
                ErrorTally.of(errors, true), requests == 0 ? 0.0 : (double) (requests - ok) / requests,
                LatencySummary.of(merge.total(IntervalLog.TAG_LATENCY)),
                LatencySummary.of(merge.total(IntervalLog.TAG_SERVICE)),
                LatencySummary.of(merge.total(IntervalLog.TAG_FAILURE)),
                GeneratorInfo.merged(LatencySummary.of(sendLag), causes, String.join("; ", reasons)),
                timeline(first, intervals), null,
                MergedRequests.of(merge, merge.sources().stream().map(s -> siblingReport(s.path())).toList(),
                        seconds), null);
    }

    /**
     * Adds one source's intervals: from the report.json next to it when there is one (its own
     * requests and errors by kind), else from the log alone (OK from {@code latency}, KO from
     * {@code failure}, their kinds unknown and counted as {@code other}).
     */
    private static void addSource(HlogFile source, RunReport report, long baseMs, TreeMap<Long, Counts> into) {
        long offset = Math.round((source.startTimeMs() - baseMs) / (double) HlogFile.INTERVAL_MS);
        TreeMap<Long, HlogFile.IntervalStats> okLog = source.stats(IntervalLog.TAG_LATENCY);
        if (report == null) {
            TreeMap<Long, HlogFile.IntervalStats> koLog = source.stats(IntervalLog.TAG_FAILURE);
            okLog.forEach((local, s) -> {
                Counts c = into.computeIfAbsent(offset + local, i -> new Counts());
                c.ok += s.count();
                c.requests += s.count();
            });
            koLog.forEach((local, s) -> {
                Counts c = into.computeIfAbsent(offset + local, i -> new Counts());
                c.requests += s.count();
                c.errors[ErrorKind.OTHER.ordinal()] += s.count();
            });
            return;
        }
        for (TimelinePoint entry : report.results().timeline()) {
            Counts c = into.computeIfAbsent(offset + Math.round(entry.t()), i -> new Counts());
            c.requests += entry.requests();
            c.ok += entry.ok() != null ? entry.ok() : entry.requests() - entry.errors().total();
            for (ErrorKind kind : ErrorKind.values()) {
                c.errors[kind.ordinal()] += entry.errors().get(kind);
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

    private static List<TimelinePoint> timeline(long first, TreeMap<Long, Counts> intervals) {
        List<TimelinePoint> timeline = new ArrayList<>();
        long last = intervals.isEmpty() ? first : Math.max(first, intervals.lastKey());
        for (long index = first; index <= last; index++) {
            Counts c = intervals.getOrDefault(index, new Counts());
            timeline.add(new TimelinePoint((index - first) * HlogFile.INTERVAL_MS / 1000.0, c.requests,
                    c.ok, ErrorTally.of(c.errors, false)));
        }
        return timeline;
    }
}
