package io.apitune.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.apitune.metrics.Histograms;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;

/**
 * Turns the lanes' measured recorders into intervals: swaps them, merges the lanes per request
 * and the requests into the run's totals, appends the run's interval histograms to the interval
 * log (tags {@code latency}, {@code service}, {@code failure}, {@code sendLag}), adds them to the
 * totals, builds the timeline (with the rate or connections the plan asked for in each interval),
 * reports progress and shows each interval to the {@link IntervalHook}.
 *
 * <p>Single-threaded: only the generator's sampler thread uses it.
 */
final class Sampler {
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final String[] TAGS = {IntervalLog.TAG_LATENCY, IntervalLog.TAG_SERVICE,
        IntervalLog.TAG_FAILURE, IntervalLog.TAG_SEND_LAG};
    private static final int LATENCY = 0;
    private static final int SERVICE = 1;
    private static final int FAILURE = 2;
    private static final int SEND_LAG = 3;
    /** Latency, service and failure: the histograms each request has. */
    private static final int PER_REQUEST = 3;

    private final List<LaneRecorder> lanes;
    private final int requests;
    private final boolean mix;
    private final ProgressListener listener;
    private final IntervalHook hook;
    private final Plan plan;
    private long measureStartNanos;
    private long startEpochMillis;
    private IntervalLog log;
    private final Histogram[] interval = new Histogram[TAGS.length];
    private final Histogram[] totals = new Histogram[TAGS.length];
    private final Histogram[][] requestInterval;
    private final Histogram[][] requestTotals;
    /** The mix's request names (empty without a mix): each request's intervals are logged too. */
    private final List<String> names;
    /** Per lane, request and histogram, the one handed back to the recorder at the next swap. */
    private final Histogram[][][] recycle;
    private final Histogram[] recycleSendLag;
    private final Counts[] lastCounts;
    private final List<IntervalSample> timeline = new ArrayList<>();
    private long intervals;
    private long lastTickNanos;
    private Counts last = Counts.NONE;

    /**
     * What the run planned, for the timeline and the progress line.
     *
     * @param rate               the open model's rate over the window, or null
     * @param connections        the closed model's staged connections, or null
     * @param share              the part of {@code rate} and {@code connections} this generator
     *                           drives (a shard's: 1/N), so the timeline's target is its own
     */
    record Plan(double seconds, long requests, Profile rate, Profile connections, double share) {
    }

    record Totals(long ok, long ko, ErrorCounts errors, Histogram okLatency, Histogram okService,
            Histogram failureLatency, Histogram sendLag) {
    }

    private record Counts(long ok, long ko, ErrorCounts errors) {
        static final Counts NONE = new Counts(0, 0, ErrorCounts.NONE);
    }

    /**
     * Allocates every histogram the measurement will use, before warm-up: allocated at its start
     * they would still be in the young generation during the first measured seconds, and the
     * collector would copy them in pauses the run measures (7-14 ms at 20,000/s on one core).
     * It also writes one throwaway interval log: the first one's header and interval load and
     * initialise classes (the header's date loads the time-zone names: 36 ms in a class-load
     * log), work that at measurement start shared the generator's core with the lanes in the
     * first measured second (docs/generator-health.md).
     * Call {@link #begin} when measurement starts.
     */
    Sampler(List<LaneRecorder> lanes, List<String> mixNames, ProgressListener listener,
            IntervalHook hook, Plan plan) {
        this.lanes = List.copyOf(lanes);
        this.requests = lanes.get(0).requests();
        this.mix = !mixNames.isEmpty();
        this.names = List.copyOf(mixNames);
        this.listener = listener;
        this.hook = hook;
        this.plan = plan;
        this.recycle = new Histogram[lanes.size()][requests][PER_REQUEST];
        this.recycleSendLag = new Histogram[lanes.size()];
        this.requestInterval = histograms(requests, PER_REQUEST);
        this.requestTotals = histograms(requests, PER_REQUEST);
        this.lastCounts = new Counts[requests];
        Arrays.fill(lastCounts, Counts.NONE);
        for (int t = 0; t < TAGS.length; t++) {
            interval[t] = Histograms.newHistogram();
            totals[t] = Histograms.newHistogram();
        }
        swapIntervals(); // the lanes' measured recorders are idle: this only allocates the spares
        new IntervalLog(System.currentTimeMillis()).append(TAGS[LATENCY], interval[LATENCY]);
    }

    /** Measurement starts at {@code measureStartNanos} ({@code startEpochMillis} on the wall clock). */
    void begin(long measureStartNanos, long startEpochMillis) {
        this.measureStartNanos = measureStartNanos;
        this.startEpochMillis = startEpochMillis;
        this.lastTickNanos = measureStartNanos;
        this.log = new IntervalLog(startEpochMillis);
    }

    private static Histogram[][] histograms(int rows, int columns) {
        Histogram[][] array = new Histogram[rows][columns];
        for (Histogram[] row : array) {
            for (int c = 0; c < columns; c++) {
                row[c] = Histograms.newHistogram();
            }
        }
        return array;
    }

    /** When the next one-second interval ends. */
    long nextTickNanos() {
        return measureStartNanos + (intervals + 1) * SECOND_NANOS;
    }

    /**
     * Closes the interval ending at {@code nowNanos}; an empty final fragment is skipped.
     *
     * @param askHook whether the {@link IntervalHook} sees it (not once the run is over)
     * @return the hook's reason to stop the run, or null
     */
    String sample(long nowNanos, boolean askHook) {
        // Counters first: a lane records an outcome's histogram before its counter, so what is
        // counted here is in this interval's histograms or an earlier one's. (Swapped first, an
        // outcome counted here could fall into the next interval, which a final fragment that
        // counts nothing drops: 799 OK latencies for 800 OK answers.)
        Counts[] now = new Counts[requests];
        Counts all = Counts.NONE;
        for (int r = 0; r < requests; r++) {
            now[r] = counts(r);
            all = new Counts(all.ok() + now[r].ok(), all.ko() + now[r].ko(), all.errors().plus(now[r].errors()));
        }
        swapIntervals();
        long attempts = all.ok() + all.ko() - last.ok() - last.ko();
        if (attempts == 0 && interval[SEND_LAG].getTotalCount() == 0 && !timeline.isEmpty()
                && nowNanos - lastTickNanos < SECOND_NANOS / 2) {
            return null;
        }
        appendLog(nowNanos);
        IntervalSample sample = sample(nowNanos, attempts, all);
        timeline.add(sample);
        listener.interval(sample);
        listener.intervalLatency(sample, interval[LATENCY]);
        String reason = askHook ? hook.interval(hookInterval(sample, now, all)) : null;
        intervals++;
        lastTickNanos = nowNanos;
        last = all;
        System.arraycopy(now, 0, lastCounts, 0, requests);
        return reason;
    }

    private Counts counts(int request) {
        long ok = 0;
        long ko = 0;
        ErrorCounts errors = ErrorCounts.NONE;
        for (LaneRecorder lane : lanes) {
            ok += lane.ok(request);
            ko += lane.ko(request);
            errors = errors.plus(lane.errors(request));
        }
        return new Counts(ok, ko, errors);
    }

    private void appendLog(long nowNanos) {
        long start = startEpochMillis + (lastTickNanos - measureStartNanos) / 1_000_000L;
        long end = startEpochMillis + (nowNanos - measureStartNanos) / 1_000_000L;
        for (int t = 0; t < TAGS.length; t++) {
            interval[t].setStartTimeStamp(start);
            interval[t].setEndTimeStamp(end);
            log.append(TAGS[t], interval[t]);
            totals[t].add(interval[t]);
        }
        for (int r = 0; r < requests; r++) {
            for (int t = 0; t < PER_REQUEST; t++) {
                if (mix) {
                    requestInterval[r][t].setStartTimeStamp(start);
                    requestInterval[r][t].setEndTimeStamp(end);
                    log.append(IntervalLog.requestTag(TAGS[t], names.get(r)), requestInterval[r][t]);
                }
                requestTotals[r][t].add(requestInterval[r][t]);
            }
        }
    }

    private IntervalSample sample(long nowNanos, long attempts, Counts all) {
        Histogram latency = interval[LATENCY];
        boolean anyOk = latency.getTotalCount() > 0;
        long from = lastTickNanos - measureStartNanos;
        long to = nowNanos - measureStartNanos;
        return new IntervalSample(to / 1e9, (nowNanos - lastTickNanos) / 1e9, attempts,
                all.ok() + all.ko(), all.ok() - last.ok(), all.ok(), all.errors().minus(last.errors()),
                all.errors(), anyOk ? latency.getValueAtPercentile(50) : 0,
                anyOk ? latency.getValueAtPercentile(99) : 0,
                interval[SEND_LAG].getTotalCount() == 0 ? 0 : interval[SEND_LAG].getValueAtPercentile(99),
                plan.seconds(), plan.requests(), mean(plan.rate(), from, to, plan.share()),
                mean(plan.connections(), from, to, plan.share()));
    }

    /** The profile's mean level over [from, to), or null without a profile. */
    private static Double mean(Profile profile, long fromNanos, long toNanos, double share) {
        if (profile == null || toNanos <= fromNanos) {
            return null;
        }
        return share * (profile.countAt(toNanos) - profile.countAt(fromNanos)) / ((toNanos - fromNanos) / 1e9);
    }

    private IntervalHook.Interval hookInterval(IntervalSample sample, Counts[] now, Counts all) {
        List<IntervalHook.Part> parts = new ArrayList<>();
        if (mix) {
            for (int r = 0; r < requests; r++) {
                parts.add(part(now[r], lastCounts[r], requestInterval[r][LATENCY],
                        requestInterval[r][SERVICE], requestInterval[r][FAILURE]));
            }
        }
        return new IntervalHook.Interval(sample.elapsedSeconds(), sample.intervalSeconds(),
                part(all, last, interval[LATENCY], interval[SERVICE], interval[FAILURE]), parts,
                interval[SEND_LAG]);
    }

    private static IntervalHook.Part part(Counts now, Counts before, Histogram latency,
            Histogram service, Histogram failure) {
        return new IntervalHook.Part(now.ok() - before.ok(), now.ko() - before.ko(),
                now.errors().minus(before.errors()), latency, service, failure);
    }

    /** Takes every lane's interval histograms and merges them per request and for the run. */
    private void swapIntervals() {
        for (Histogram h : interval) {
            h.reset();
        }
        for (Histogram[] request : requestInterval) {
            for (Histogram h : request) {
                h.reset();
            }
        }
        for (int lane = 0; lane < lanes.size(); lane++) {
            LaneRecorder recorder = lanes.get(lane);
            for (int r = 0; r < requests; r++) {
                Histogram[] mine = recycle[lane][r];
                mine[LATENCY] = recorder.okLatencyInterval(r, mine[LATENCY]);
                mine[SERVICE] = recorder.okServiceInterval(r, mine[SERVICE]);
                mine[FAILURE] = recorder.failureLatencyInterval(r, mine[FAILURE]);
                for (int t = 0; t < PER_REQUEST; t++) {
                    requestInterval[r][t].add(mine[t]);
                }
            }
            recycleSendLag[lane] = recorder.sendLagInterval(recycleSendLag[lane]);
            interval[SEND_LAG].add(recycleSendLag[lane]);
        }
        for (int r = 0; r < requests; r++) {
            for (int t = 0; t < PER_REQUEST; t++) {
                interval[t].add(requestInterval[r][t]);
            }
        }
    }

    /** The measured window's counts, and copies of its histograms. */
    Totals totals() {
        return new Totals(last.ok(), last.ko(), last.errors(), totals[LATENCY].copy(),
                totals[SERVICE].copy(), totals[FAILURE].copy(), totals[SEND_LAG].copy());
    }

    /** What request {@code r} of a mix did over the whole measured window. */
    RequestResult requestResult(int r, String name, List<String> checkNames) {
        Map<String, Long> byCheck = new LinkedHashMap<>();
        for (LaneRecorder lane : lanes) {
            long[] mine = lane.checkFailures(r);
            for (int c = 0; c < checkNames.size(); c++) {
                byCheck.merge(checkNames.get(c), mine[c], Long::sum);
            }
        }
        Counts c = lastCounts[r];
        return new RequestResult(name, c.ok() + c.ko(), c.ok(), c.ko(), c.errors(),
                requestTotals[r][LATENCY].copy(), requestTotals[r][SERVICE].copy(),
                requestTotals[r][FAILURE].copy(), byCheck);
    }

    List<IntervalSample> timeline() {
        return timeline;
    }

    IntervalLog log() {
        return log;
    }
}
