package io.apitune.jmh.runner;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.apitune.gate.GateResult;

/**
 * A finished {@code apitune jmh} run: where its files are and what it measured.
 *
 * @param runId     the run directory's name, {@code <yyyyMMdd-HHmmss>-jmh}
 * @param directory {@code reports/<runId>/}, holding {@value #JMH_JSON}, {@value #SUMMARY_JSON} and
 *                  {@value #SUMMARY_TEXT}
 * @param startTime when JMH was started
 * @param endTime   when JMH returned
 * @param quick     whether the smoke configuration was used
 * @param includes  the benchmark regexes as given (empty: all)
 * @param results   one entry per benchmark and parameter combination, sorted by name then params
 * @param gates     the verdicts of the {@code --gate} expressions on {@code results}, in order
 *
 * <p>Immutable; thread-safe.
 */
public record JmhRun(String runId, Path directory, Instant startTime, Instant endTime, boolean quick,
        List<String> includes, List<JmhResult> results, List<GateResult> gates) {
    public static final String JMH_JSON = "jmh.json";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_TEXT = "summary.txt";

    public JmhRun {
        includes = List.copyOf(includes);
        results = List.copyOf(results);
        gates = List.copyOf(gates);
    }

    /** JMH's own JSON result file. */
    public Path jmhJson() {
        return directory.resolve(JMH_JSON);
    }
}
