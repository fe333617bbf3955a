package io.apitune.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.apitune.report.RoundRatios;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.RoundInterval;

/**
 * {@code compare} with rounds: every run against the first, per metric the median of the
 * per-round ratios and its 95 % confidence interval (rounds are paired: both runs were measured in
 * the same interleaved rounds). An interval that contains 1.0 says the two cannot be told apart.
 *
 * <p>Stateless; thread-safe.
 */
final class RatioTable {
    private RatioTable() {
    }

    static List<RatioRow> rows(List<RunResult> runs) {
        List<RatioRow> rows = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            rows.addAll(RoundRatios.of(runs.get(i).report(), runs.get(0).report(),
                    RoundRatios.COMPARE_METRICS, true));
        }
        return rows;
    }

    static void print(List<RatioRow> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            return;
        }
        int width = rows.stream().mapToInt(r -> (r.run() + " / " + r.against()).length()).max().orElse(5);
        String format = "%-" + width + "s  %-10s  %8s  %-22s  %s%n";
        out.println();
        out.printf(Locale.ROOT, format, "ratio", "metric", "median", "95% interval", "rounds");
        for (RatioRow row : rows) {
            RoundInterval i = row.interval();
            out.printf(Locale.ROOT, format, row.run() + " / " + row.against(), row.metric(),
                    String.format(Locale.ROOT, "%.3f", i.median()),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", i.low(), i.high()),
                    i.rounds() + (i.paired() ? " paired" : ""));
        }
        out.flush();
    }
}
