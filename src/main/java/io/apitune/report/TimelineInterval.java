package io.apitune.report;

import java.util.ArrayList;
import java.util.List;

import io.apitune.report.model.Results;
import io.apitune.report.model.TimelinePoint;

/**
 * One entry of a run's timeline with its length: up to the next entry's {@code t}, the last one
 * up to the run's duration. Rates are counts divided by that length, so a short final interval is
 * not drawn as a drop in throughput.
 *
 * <p>The end of a run is not drawn either: after the last intended send only the answers still in
 * flight come back, so its rate falls towards zero although the target never slowed down. With a
 * planned duration, the intervals starting at or after it are that drain; without one (a run that
 * counted requests, a merged run), a last interval shorter than the others is.
 *
 * <p>Immutable; thread-safe.
 */
record TimelineInterval(double endSeconds, double lengthSeconds, TimelinePoint entry) {
    /** Shorter intervals (a run's last few milliseconds) give meaningless rates and are left out. */
    static final double MIN_LENGTH_SECONDS = 0.1;
    /** A last interval shorter than this share of a full (1 s) one is partial. */
    private static final double FULL_SHARE = 0.9;
    /** Interval starts are rounded to the millisecond. */
    private static final double START_SLACK_SECONDS = 0.001;

    /** Every interval of at least {@link #MIN_LENGTH_SECONDS}, the end of the run included. */
    static List<TimelineInterval> of(Results results) {
        List<TimelinePoint> timeline = results.timeline();
        double total = results.durationSeconds();
        List<TimelineInterval> out = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            double t = timeline.get(i).t();
            double next = i + 1 < timeline.size() ? timeline.get(i + 1).t()
                    : total > t ? total : t + 1;
            if (next - t >= MIN_LENGTH_SECONDS) {
                out.add(new TimelineInterval(next, next - t, timeline.get(i)));
            }
        }
        return out;
    }

    /**
     * The intervals to draw as rates: {@link #of(Results)} without the drain at the end of the run.
     *
     * @param plannedSeconds the run's planned measured duration, or null when it had none
     */
    static List<TimelineInterval> steady(Results results, Double plannedSeconds) {
        List<TimelineInterval> all = of(results);
        List<TimelineInterval> out = new ArrayList<>(all.size());
        for (TimelineInterval interval : all) {
            double start = interval.endSeconds() - interval.lengthSeconds();
            if (plannedSeconds == null || start < plannedSeconds - START_SLACK_SECONDS) {
                out.add(interval);
            }
        }
        if (plannedSeconds == null && out.size() > 1
                && out.get(out.size() - 1).lengthSeconds() < FULL_SHARE) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** A count of this interval as a rate per second. */
    double perSecond(double count) {
        return count / lengthSeconds;
    }
}
