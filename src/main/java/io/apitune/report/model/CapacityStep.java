package io.apitune.report.model;

/**
 * One step of a capacity search: the rate tried and what it gave (null where the run had no
 * number).
 *
 * @param dir the step's run directory, relative to the combined report
 */
public record CapacityStep(double rate, Double throughput, Double p50, Double p99, Double errorRate,
        boolean passed, String dir) {
}
