package io.apitune.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.Results;
import io.apitune.report.model.RoundInterval;
import io.apitune.report.model.RoundResult;
import io.apitune.report.model.RunReport;
import io.apitune.stats.Bootstrap;
import io.apitune.stats.Interval;

/**
 * Ratios between two runs measured in rounds, each with its median and 95 % confidence interval
 * ({@link Bootstrap}): {@code compare}'s table of every run against the first, and
 * {@code report --compare A B}. Runs of one plan were measured in the same interleaved rounds, so
 * their rounds are paired; stored runs compared later are independent.
 *
 * <p>Stateless; thread-safe.
 */
public final class RoundRatios {
    /** The metrics of {@code compare}'s ratio table. */
    public static final List<String> COMPARE_METRICS = List.of("throughput", "p50", "p99", "p99.9", "max");
    /** The metrics of {@code report --compare}. */
    public static final List<String> REPORT_METRICS =
            List.of("throughput", "p50", "p75", "p90", "p99", "p99.9", "p99.99", "max", "mean");

    private RoundRatios() {
    }

    /**
     * {@code run.metric / against.metric} for each metric both runs have in every round; empty
     * when either run was not measured in rounds.
     *
     * @param paired true for runs of the same plan (same interleaved rounds, same count)
     */
    public static List<RatioRow> of(RunReport run, RunReport against, List<String> metrics, boolean paired) {
        List<RatioRow> rows = new ArrayList<>();
        if (!run.hasRounds() || !against.hasRounds()) {
            return rows;
        }
        boolean pairable = paired && run.rounds().size() == against.rounds().size();
        for (String metric : metrics) {
            double[] a = samples(run, metric);
            double[] b = samples(against, metric);
            Optional<Interval> interval = pairable ? Bootstrap.pairedRatio(a, b) : Bootstrap.ratio(a, b);
            interval.ifPresent(i -> rows.add(new RatioRow(run.name(), against.name(), metric,
                    RoundInterval.of(RoundInterval.RATIO, i, null))));
        }
        return rows;
    }

    /**
     * One value per round of {@code metric}: {@code throughput}, {@code errors} (rate) or a latency
     * statistic ({@code p99}, {@code max}, ...; {@code service.p99} for service time). NaN where a
     * round lacks it.
     */
    public static double[] samples(RunReport run, String metric) {
        List<RoundResult> rounds = run.rounds() == null ? List.of() : run.rounds();
        return rounds.stream().mapToDouble(r -> value(r.results(), metric)).toArray();
    }

    static double value(Results r, String metric) {
        if (r == null) {
            return Double.NaN;
        }
        switch (metric) {
            case "throughput":
                return r.throughput();
            case "errors":
                return r.errorRate();
            default:
                boolean service = metric.startsWith("service.");
                LatencySummary summary = service ? r.serviceTime() : r.latency();
                String key = service ? metric.substring("service.".length()) : metric;
                return summary == null ? Double.NaN : summary.get(key).orElse(Double.NaN);
        }
    }
}
