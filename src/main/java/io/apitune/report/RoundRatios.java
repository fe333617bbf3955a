package io.apitune.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import io.apitune.metrics.Percentile;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.Results;
import io.apitune.report.model.RoundInterval;
import io.apitune.report.model.RoundResult;
import io.apitune.report.model.RunReport;
import io.apitune.stats.Bootstrap;
import io.apitune.stats.Interval;
import io.apitune.stats.Samples;

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

    private static final Map<String, Double> LEVELS = levels();

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
        for (String metric : metrics) {
            Optional<Interval> interval = Bootstrap.ratio(samples(run, metric), samples(against, metric), paired);
            interval.ifPresent(i -> rows.add(new RatioRow(run.name(), against.name(), metric,
                    RoundInterval.of(RoundInterval.RATIO, i, null))));
        }
        return rows;
    }

    /**
     * {@code metric} over a run's rounds: a latency percentile ({@code p99}, {@code max}, {@code min},
     * {@code service.p99}, ...) of rounds that stored their histograms pools them (the percentile of
     * the rounds' histograms added, as the merged run has it); {@code throughput}, {@code errors}
     * (rate), {@code mean} and rounds without histograms give one value per round (NaN where one
     * lacks it).
     */
    public static Samples samples(RunReport run, String metric) {
        List<RoundResult> rounds = run.rounds() == null ? List.of() : run.rounds();
        boolean service = metric.startsWith("service.");
        Double level = LEVELS.get(service ? metric.substring("service.".length()) : metric);
        if (level != null && !rounds.isEmpty() && rounds.stream().allMatch(r -> r.histogram(service) != null)) {
            return Samples.pooled(rounds.stream().map(r -> r.histogram(service)).toList(), level, 1e-6);
        }
        return Samples.values(rounds.stream().mapToDouble(r -> value(r.results(), metric)).toArray());
    }

    private static Map<String, Double> levels() {
        Map<String, Double> levels = new HashMap<>();
        for (Percentile p : Percentile.values()) {
            levels.put(p.key(), p.level());
        }
        levels.put("max", 100.0);
        levels.put("min", 0.0);
        return Map.copyOf(levels);
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
