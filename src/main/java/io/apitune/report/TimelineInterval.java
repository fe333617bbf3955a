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
 * <p>Immutable; thread-safe.
 */
record TimelineInterval(double endSeconds, double lengthSeconds, TimelinePoint entry) {
    /** Shorter intervals (a run's last few milliseconds) give meaningless rates and are left out. */
    static final double MIN_LENGTH_SECONDS = 0.1;

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

    /** A count of this interval as a rate per second. */
    double perSecond(double count) {
        return count / lengthSeconds;
    }
}
