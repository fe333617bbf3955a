package io.apitune.gate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

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
        String format = "%-" + gateWidth + "s  %-" + runWidth + "s  %14s  %14s  %s%n";
        out.println();
        out.printf(Locale.ROOT, format, "gate", "run", "measured", "limit", "verdict");
        for (GateResult r : results) {
            out.printf(Locale.ROOT, format, r.gate(), r.run(), value(r, r.measured()),
                    value(r, r.limit()), r.outcome().name());
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

    /** True when every result passed (and so the command may exit 0). */
    public static boolean allPassed(List<GateResult> results) {
        return results.stream().allMatch(GateResult::passed);
    }

    /** 0 when all passed, 1 when any failed, else 5 when any is inconclusive. */
    public static int exitCode(List<GateResult> results) {
        return Outcome.exitCode(results.stream().map(GateResult::outcome).toList());
    }
}
