package io.apitune.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.apitune.load.IntervalSample;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadResult;
import io.apitune.load.RequestResult;
import io.apitune.report.model.EnvironmentInfo;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.LoadInfo;
import io.apitune.report.model.ProtocolInfo;
import io.apitune.report.model.RequestResults;
import io.apitune.report.model.Results;
import io.apitune.report.model.ShardInfo;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TargetInfo;
import io.apitune.report.model.TimelinePoint;

/**
 * Builds the typed report of one run from what the load generator measured. A merged report's
 * results are built from the same blocks ({@link MergedReport}).
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
            LoadResult r) {
        double seconds = r.durationNanos() / 1e9;
        Results results = new Results(seconds, r.attempts(), r.okCount(), r.throughputPerSecond(),
                r.requestRatePerSecond(), load.shardRatePerSecond(), ErrorTally.of(r.errors(), true),
                r.attempts() == 0 ? 0.0 : (double) r.koCount() / r.attempts(),
                LatencySummary.of(r.okLatency()), LatencySummary.of(r.okService()),
                LatencySummary.of(r.failureLatency()), GeneratorInfo.of(r.generator()),
                timeline(r.timeline()), ProtocolInfo.of(r.protocol()), byRequest(r), r.endedBy());
        return new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, runId, name,
                r.interrupted(), Instant.ofEpochMilli(r.startEpochMillis()).toString(),
                Instant.ofEpochMilli(r.endEpochMillis()).toString(), target, LoadInfo.of(load),
                results, EnvironmentInfo.current(), FileNames.RUN, null, null, r.abortedBy(), null, null,
                ShardInfo.of(load));
    }

    /** Each request of a mix over the run's window, or null for a single-request run. */
    private static Map<String, RequestResults> byRequest(LoadResult r) {
        if (r.byRequest().isEmpty()) {
            return null;
        }
        double seconds = r.durationNanos() / 1e9;
        Map<String, RequestResults> map = new LinkedHashMap<>();
        for (RequestResult q : r.byRequest()) {
            map.put(q.name(), new RequestResults(q.attempts(), q.okCount(),
                    seconds > 0 ? q.okCount() / seconds : 0, seconds > 0 ? q.attempts() / seconds : 0,
                    ErrorTally.of(q.errors(), true), q.attempts() == 0 ? 0.0 : (double) q.koCount() / q.attempts(),
                    LatencySummary.of(q.okLatency()), LatencySummary.of(q.okService()),
                    LatencySummary.of(q.failureLatency()), q.checkFailures()));
        }
        return map;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }

    /** One entry per interval, each starting where the previous one ended. */
    private static List<TimelinePoint> timeline(List<IntervalSample> samples) {
        List<TimelinePoint> points = new ArrayList<>();
        double t = 0;
        for (IntervalSample sample : samples) {
            points.add(new TimelinePoint(Math.round(t * 1000) / 1000.0, sample.requests(),
                    sample.ok(), ErrorTally.of(sample.errors(), false), round(sample.targetRate()),
                    round(sample.targetConnections())));
            t = sample.elapsedSeconds();
        }
        return points;
    }
}
