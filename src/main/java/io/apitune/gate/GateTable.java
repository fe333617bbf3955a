package io.apitune.gate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import io.apitune.report.model.RoundInterval;

/**
 * Prints gate results as a table: gate, run, measured value, limit, verdict; then one summary
 * line. Text uses {@link Locale#ROOT}.
 *
 * <p>Stateless; thread-safe.
 */
public final class GateTable {
    private GateTable() {
    }

    public static void print(List<GateResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            return;
        }
        int gateWidth = Math.max(4, results.stream().mapToInt(r -> r.gate().length()).max().orElse(4));
        int runWidth = Math.max(3, results.stream().mapToInt(r -> r.run().length()).max().orElse(3));
        boolean intervals = results.stream().anyMatch(r -> r.interval() != null);
        String format = "%-" + gateWidth + "s  %-" + runWidth + "s  %14s  %14s  %s%n";
        if (intervals) {
            int width = results.stream().mapToInt(r -> interval(r).length()).max().orElse(0);
            format = "%-" + gateWidth + "s  %-" + runWidth + "s  %14s  %14s  %-" + width + "s  %s%n";
        }
        out.println();
        out.printf(Locale.ROOT, format, intervals ? new Object[] {"gate", "run", "measured", "limit",
            "median [95% interval] vs limit", "verdict"} : new Object[] {"gate", "run", "measured",
            "limit", "verdict"});
        for (GateResult r : results) {
            Object[] cells = intervals
                    ? new Object[] {r.gate(), r.run(), value(r, r.measured()), value(r, r.limit()),
                        interval(r), r.outcome().name()}
                    : new Object[] {r.gate(), r.run(), value(r, r.measured()), value(r, r.limit()),
                        r.outcome().name()};
            out.printf(Locale.ROOT, format, cells);
            if (r.reason() != null) {
                out.println("  (" + r.reason() + ")");
            }
        }
        long failed = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        long open = results.stream().filter(r -> r.outcome() == Outcome.INCONCLUSIVE).count();
        out.printf(Locale.ROOT, "gates: %d passed, %d failed%s%n", results.size() - failed - open, failed,
                open == 0 ? "" : ", " + open + " inconclusive");
        out.flush();
    }

    /** A value with its unit, or {@code n/a} when the report had no number. */
    static String value(GateResult r, double nativeValue) {
        if (Double.isNaN(nativeValue)) {
            return "n/a";
        }
        return r.quantity().format(nativeValue, r.label());
    }

    /**
     * The interval a result was judged on, e.g. {@code ratio 1.021 [0.987, 1.063] vs 1.050, 6
     * rounds}, or empty when it was judged on single values.
     */
    public static String interval(GateResult r) {
        RoundInterval i = r.interval();
        if (i == null) {
            return "";
        }
        String unit = RoundInterval.RATIO.equals(i.statistic()) ? "" : r.unit();
        return String.format(Locale.ROOT, "%s %.3f [%.3f, %.3f]%s vs %.3f%s, %d rounds%s", i.statistic(),
                i.median(), i.low(), i.high(), unit, i.threshold() == null ? Double.NaN : i.threshold(),
                unit, i.rounds(), i.paired() ? " paired" : "");
    }

    /** True when every result passed (and so the command may exit 0). */
    public static boolean allPassed(List<GateResult> results) {
        return results.stream().allMatch(GateResult::passed);
    }

    /** 0 when all passed, 1 when any failed, else 5 when any is inconclusive. */
    public static int exitCode(List<GateResult> results) {
        return Outcome.exitCode(results.stream().map(GateResult::outcome).toList());
    }
}
