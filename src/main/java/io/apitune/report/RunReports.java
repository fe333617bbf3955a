package io.apitune.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.apitune.load.ErrorCounts;
import io.apitune.load.IntervalSample;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.report.model.EnvironmentInfo;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.LoadInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TargetInfo;
import io.apitune.report.model.TimelinePoint;
import org.HdrHistogram.Histogram;

/**
 * Builds the typed report of one run from what the load generator measured; also the
 * {@code results} block of a merged report, so every single-run report is made one way.
 *
 * <p>Stateless; thread-safe.
 */
public final class RunReports {
    private RunReports() {
    }

    /**
     * @param runId  the run directory's name, e.g. {@code 20261127-011500-cached}
     * @param target what was driven, with the resolved URL
     */
    public static RunReport of(String runId, String name, TargetInfo target, LoadConfig load,
            LoadResult result) {
        Results results = results(result.durationNanos(), result.requests(), load.ratePerSecond(),
                result.errors(), result.latency(), result.service(), timeline(result.timeline()));
        return new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, runId, name,
                result.interrupted(), Instant.ofEpochMilli(result.startEpochMillis()).toString(),
                Instant.ofEpochMilli(result.endEpochMillis()).toString(), target, LoadInfo.of(load),
                results, EnvironmentInfo.current(), FileNames.RUN, null, null);
    }

    /**
     * @param latency nanoseconds from the intended send; null when unknown (a merged log without it)
     * @param service nanoseconds from the actual send; null when unknown
     */
    static Results results(long durationNanos, long requests, Double targetRate, ErrorCounts errors,
            Histogram latency, Histogram service, List<TimelinePoint> timeline) {
        double seconds = durationNanos / 1e9;
        return new Results(seconds, requests, durationNanos > 0 ? requests / seconds : 0, targetRate,
                ErrorTally.of(errors, true), requests == 0 ? 0.0 : (double) errors.total() / requests,
                latency == null ? null : LatencySummary.of(latency),
                service == null ? null : LatencySummary.of(service), timeline);
    }

    /** One entry per interval, each starting where the previous one ended. */
    private static List<TimelinePoint> timeline(List<IntervalSample> samples) {
        List<TimelinePoint> points = new ArrayList<>();
        double t = 0;
        for (IntervalSample sample : samples) {
            points.add(new TimelinePoint(Math.round(t * 1000) / 1000.0, sample.requests(),
                    ErrorTally.of(sample.errors(), false)));
            t = sample.elapsedSeconds();
        }
        return points;
    }
}
