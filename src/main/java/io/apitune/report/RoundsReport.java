package io.apitune.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.apitune.load.ErrorKind;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.model.ErrorTally;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.HistogramCodec;
import io.apitune.report.model.LoadInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RoundResult;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TimelinePoint;
import org.HdrHistogram.Histogram;

/**
 * The report of a run measured in interleaved rounds: every round's histograms added (exact, as
 * HdrHistograms with one configuration add losslessly), requests, errors and measured time summed,
 * the rounds' timelines placed at their real offsets, and one {@link RoundResult} per round so
 * that every metric keeps a sample per round. Written into the run's directory, which also holds
 * the rounds' own directories ({@code round-01}, ...).
 *
 * <p>Stateless; thread-safe for different run directories.
 */
public final class RoundsReport {
    private static final int KINDS = ErrorKind.values().length;

    /**
     * One measured round of a run.
     *
     * @param number        1-based round number in the plan
     * @param report        the round's report.json as written
     * @param dir           the round's directory (its latency.hlog inside)
     * @param warmupSeconds the warm-up that preceded it
     * @param remeasured    why earlier attempts of this round were measured again (the
     *                      generator limited them); empty when none was
     */
    public record Round(int number, RunReport report, Path dir, double warmupSeconds,
            List<String> remeasured) {
        public Round {
            remeasured = List.copyOf(remeasured);
        }
    }

    private RoundsReport() {
    }

    /**
     * Merges {@code rounds} (at least one, in the order measured) and writes report.json,
     * latency.hlog and report.html into {@code runDir}, replacing what an earlier merge of fewer
     * rounds wrote there.
     *
     * @param runId         the run's id in the merged report (its directory's name)
     * @param warmupSeconds the warm-up the run's target had once, before its first round (the
     *                      merged report's {@code config.warmupSeconds}; each round has its own)
     * @return the merged report
     * @throws io.apitune.ApituneException exit 3 when the files cannot be written
     */
    public static RunReport write(Path runDir, String runId, List<Round> rounds, double warmupSeconds) {
        HlogMerge merge = HlogMerge.of(rounds.stream()
                .map(r -> r.dir().resolve(r.report().fileNames().hlogOrDefault())).toList());
        RunReport report = merge(runId, rounds, merge, runDir, warmupSeconds);
        AtomicFiles.write(runDir.resolve(FileNames.HLOG), merge.toHlog());
        Reports.write(Reports.file(runDir), report);
        HtmlReport.write(runDir);
        return report;
    }

    private static LoadInfo withWarmup(LoadInfo c, double warmupSeconds) {
        return c == null ? null : new LoadInfo(c.model(), c.rate(), c.arrival(), c.connections(),
                c.durationSeconds(), c.requests(), warmupSeconds, c.rampUpSeconds(), c.timeoutSeconds(),
                c.method(), c.headers(), c.bodyBytes(), c.keys(), c.keyDistribution(), c.protocol(),
                c.streams(), c.tls(), c.stages(), c.mix(), c.feeders());
    }

    private static LatencySummary summary(Histogram h) {
        return h == null ? null : LatencySummary.of(h);
    }

    private static String encoded(Histogram h) {
        return h == null ? null : HistogramCodec.encode(h);
    }

    static RunReport merge(String runId, List<Round> rounds, HlogMerge merge, Path runDir,
            double warmupSeconds) {
        RunReport first = rounds.get(0).report();
        RunReport last = rounds.get(rounds.size() - 1).report();
        double seconds = 0;
        long requests = 0;
        long ok = 0;
        List<GeneratorInfo> generators = new ArrayList<>();
        long[] errors = new long[KINDS];
        List<TimelinePoint> timeline = new ArrayList<>();
        List<RoundResult> samples = new ArrayList<>();
        Instant start = Instant.parse(first.startTime());
        Path base = runDir.toAbsolutePath().normalize();
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            HlogFile log = merge.sources().get(i);
            Results r = round.report().results();
            seconds += r.durationSeconds();
            requests += r.requests();
            ok += r.ok() != null ? r.ok() : r.requests() - r.errors().total();
            generators.add(r.generator());
            for (ErrorKind kind : ErrorKind.values()) {
                errors[kind.ordinal()] += r.errors().get(kind);
            }
            double offset = Duration.between(start, Instant.parse(round.report().startTime())).toMillis() / 1000.0;
            r.timeline().forEach(p -> timeline.add(new TimelinePoint(
                    Math.round((offset + p.t()) * 1000) / 1000.0, p.requests(), p.ok(), p.errors())));
            samples.add(new RoundResult(round.number(), base.relativize(round.dir().toAbsolutePath().normalize()).toString(),
                    round.report().startTime(), round.report().endTime(), round.warmupSeconds(), r,
                    encoded(log.total(IntervalLog.TAG_LATENCY)), encoded(log.total(IntervalLog.TAG_SERVICE)),
                    round.remeasured()));
        }
        Histogram sendLag = merge.total(IntervalLog.TAG_SEND_LAG);
        Results results = new Results(seconds, requests, ok, seconds > 0 ? ok / seconds : 0,
                seconds > 0 ? requests / seconds : 0, first.results().targetRate(), ErrorTally.of(errors, true),
                requests == 0 ? 0.0 : (double) (requests - ok) / requests, summary(merge.total(IntervalLog.TAG_LATENCY)),
                summary(merge.total(IntervalLog.TAG_SERVICE)), summary(merge.total(IntervalLog.TAG_FAILURE)),
                GeneratorInfo.combine(generators, summary(sendLag)), timeline);
        boolean interrupted = rounds.stream().anyMatch(r -> r.report().interrupted());
        return new RunReport(Reports.SCHEMA_VERSION, RunReport.KIND, runId, first.name(), interrupted,
                first.startTime(), last.endTime(), first.target(), withWarmup(first.config(), warmupSeconds), results,
                first.environment(), FileNames.RUN, null, null, samples, null);
    }
}
