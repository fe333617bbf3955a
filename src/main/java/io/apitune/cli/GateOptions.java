package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apitune.ExitCodes;
import io.apitune.gate.Gate;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateResult;
import io.apitune.gate.ReportMetrics;
import io.apitune.report.model.RunReport;
import picocli.CommandLine.Option;

/**
 * Gate flags shared by {@code run}, {@code bench} and {@code compare}: repeatable
 * {@code --gate}, {@code --baseline} and {@code --junit}. Use {@link #check} before load to
 * validate, then evaluate the results.
 *
 * <p>Filled by picocli on the command's thread; not thread-safe.
 */
public final class GateOptions {
    @Option(names = "--gate", paramLabel = "GATE",
            description = {"A performance gate, repeatable: 'p99 < 25ms', 'errors < 0.1%%', "
                + "'throughput > 900/s', 'async.throughput >= 3 * blocking.throughput', "
                + "'p99 <= baseline * 1.10'. Any failed gate exits 1."})
    List<String> gates = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "A stored report.json that 'baseline' in gates refers to.")
    Path baseline;

    @Option(names = "--allow-limited",
            description = "Decide gates even on runs the load generator limited (its own send lag, "
                    + "CPU or stalls set their numbers). Without it such gates are inconclusive: exit 5.")
    boolean allowLimited;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the gate results as JUnit XML, one test case per gate.")
    Path junit;

    /**
     * The gates of the file plus the flags, checked against {@code runNames}; throws exit 2 on
     * any unknown metric or run or unreadable baseline. Call before any load is sent.
     */
    public GateCheck check(List<Gate> fromFile, List<String> runNames) {
        java.util.Map<String, List<String>> runs = new java.util.LinkedHashMap<>();
        runNames.forEach(name -> runs.put(name, List.of()));
        return check(fromFile, runs);
    }

    /** As {@link #check(List, List)}, with each run's request names (its mix; may be empty). */
    public GateCheck check(List<Gate> fromFile, java.util.Map<String, List<String>> runsAndRequests) {
        GateCheck check = new GateCheck(GateCheck.combine(fromFile, gates), baseline, junit)
                .allowLimited(allowLimited);
        check.validate(runsAndRequests);
        return check;
    }

    /** Gates of the flags only, for a single run such as {@code bench}. */
    public GateCheck check(String runName) {
        return check(List.of(), List.of(runName));
    }

    /**
     * A shard's gates are not evaluated on its own part of the load: says so and returns 0. They
     * are evaluated on the merged result ({@code apitune report merge … --gate}).
     */
    static int deferToMerge(GateCheck check, PrintWriter out) {
        if (!check.isEmpty()) {
            out.println("gates not evaluated on one shard: give them to 'apitune report merge' "
                    + "of every shard's latency.hlog: "
                    + String.join(", ", check.gates().stream().map(Gate::text).toList()));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Evaluates the gates on one run's report.json, prints the table, writes the JUnit XML if
     * asked; returns the exit code (0 when all passed or there are no gates, 1 otherwise).
     */
    public static int evaluateRun(GateCheck check, RunReport report, PrintWriter out) {
        if (check.isEmpty()) {
            return ExitCodes.OK;
        }
        List<GateResult> results = check.evaluate(ReportMetrics.of(report));
        return check.report(results, out, report.name());
    }
}
