package io.apitune.report.model;

import java.util.List;

/**
 * What a run measured ({@code results} in report.json).
 *
 * @param durationSeconds measured wall time
 * @param requests        completed requests (responses and failures) in the measured window
 * @param throughput      requests per second
 * @param targetRate      the open model's rate, null in the closed model
 * @param errors          failed requests by kind, with a total
 * @param errorRate       errors.total / requests, 0..1
 * @param latency         from the intended send time; null when a merged log had none
 * @param serviceTime     from the actual send; null when a merged log had none
 * @param timeline        one entry per interval
 */
public record Results(double durationSeconds, long requests, double throughput, Double targetRate,
        ErrorTally errors, double errorRate, LatencySummary latency, LatencySummary serviceTime,
        List<TimelinePoint> timeline) {

    public Results {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
