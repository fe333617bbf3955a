package io.apitune.report.model;

/**
 * The blocks a run's results and each of its requests' results have alike (OK and KO apart), so
 * that tables and gates read either the same way.
 */
public interface Figures {
    /** Completed attempts, OK and KO. */
    long requests();

    /** OK answers; null in a version-1 report. */
    Long ok();

    /** OK answers per second (goodput). */
    double throughput();

    /** Completed attempts per second; null in a version-1 report. */
    Double requestRate();

    /** KO requests by kind, with a total. */
    ErrorTally errors();

    /** KO share, 0..1. */
    double errorRate();

    /** OK latency from the intended send time; null when none was recorded. */
    LatencySummary latency();

    /** OK service time from the actual send. */
    LatencySummary serviceTime();

    /** KO latency; null in a version-1 report. */
    LatencySummary failureLatency();
}
