package io.apitune.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import io.apitune.ApituneException;
import io.apitune.report.RoundRatios;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.Figures;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.ReportDocument;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.stats.Samples;

/**
 * Resolves gate metrics on reports (docs/report-schema.md): latency statistics of OK requests
 * ({@link LatencySummary#STATISTICS}, from the intended send time; prefix {@code service.} for
 * OK service time, {@code failure.} for the latency of KO requests), {@code throughput} (OK
 * answers per second, goodput), {@code requestRate} (every attempt per second), {@code errors}
 * (KO share), {@code errorCount}, {@code ok} and {@code requests}. A request of a run's mix has the
 * same metrics under its name ({@code search.p99}, {@code create.errors}: its
 * {@code results.byRequest} entry). A run report is one run under its name; a combined report
 * has one run per entry. A run the generator limited makes its gates inconclusive
 * ({@link #limitedReason}), under the same bias rules for a request's metrics as for the run's.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class ReportMetrics implements MetricResolver {
    private static final Map<String, Metric> METRICS = metrics();

    /** Run name to its report; reports are null when only names are known. */
    private final Map<String, RunReport> runs;
    /** Run name to the names of its mix's requests. */
    private final Map<String, List<String>> requests;

    private ReportMetrics(Map<String, RunReport> runs) {
        this.runs = runs;
        this.requests = new LinkedHashMap<>();
        runs.forEach((name, doc) -> requests.put(name, doc == null || doc.results() == null
                || doc.results().byRequest() == null ? List.of() : List.copyOf(doc.results().byRequest().keySet())));
    }

    private ReportMetrics(Map<String, RunReport> runs, Map<String, List<String>> requests) {
        this.runs = runs;
        this.requests = requests;
    }

    /** Resolver over a run's or a combined report. */
    public static ReportMetrics of(ReportDocument document) {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        if (document instanceof CombinedReport combined) {
            combined.runs().forEach(run -> runs.put(run.name(), run));
        } else {
            runs.put(document.name(), (RunReport) document);
        }
        if (runs.isEmpty()) {
            throw ApituneException.invalidInput("report has no runs");
        }
        return new ReportMetrics(runs);
    }

    /** Resolver over named runs, in order. */
    public static ReportMetrics ofRuns(Map<String, RunReport> reports) {
        return new ReportMetrics(new LinkedHashMap<>(reports));
    }

    /**
     * Resolver that knows run and metric names only (values are NaN): evaluating gates against
     * it checks every name before any load is sent.
     */
    public static ReportMetrics namesOnly(List<String> runNames) {
        Map<String, List<String>> none = new LinkedHashMap<>();
        runNames.forEach(name -> none.put(name, List.of()));
        return namesOnly(none);
    }

    /** As {@link #namesOnly(List)}, with each run's request names (its mix; may be empty). */
    public static ReportMetrics namesOnly(Map<String, List<String>> runsAndRequests) {
        Map<String, RunReport> runs = new LinkedHashMap<>();
        runsAndRequests.keySet().forEach(name -> runs.put(name, null));
        return new ReportMetrics(runs, new LinkedHashMap<>(runsAndRequests));
    }

    /**
     * True when {@code name} reads as a metric or a metric's prefix ({@code p99}, {@code errors},
     * {@code service}): a request of a mix may not be named so.
     */
    public static boolean isMetricName(String name) {
        return METRICS.containsKey(name) || name.equals("service") || name.equals("failure");
    }

    @Override
    public Set<String> runs() {
        return runs.keySet();
    }

    @Override
    public List<String> defaultRuns() {
        return List.copyOf(runs.keySet());
    }

    @Override
    public Optional<Measured> lookup(String run, String metric) {
        if (!runs.containsKey(run)) {
            return Optional.empty();
        }
        RunReport doc = runs.get(run);
        Results results = doc == null ? null : doc.results();
        Metric m = METRICS.get(metric);
        if (m != null) {
            double value = results == null ? Double.NaN : m.value().apply(results).orElse(Double.NaN);
            return Optional.of(Measured.of(value, m.quantity()));
        }
        Optional<String[]> split = new Gate.Reference(metric).qualified();
        if (split.isEmpty() || !requests.getOrDefault(run, List.of()).contains(split.get()[0])
                || !METRICS.containsKey(split.get()[1])) {
            return Optional.empty();
        }
        Metric inner = METRICS.get(split.get()[1]);
        double value = results == null ? Double.NaN : results.request(split.get()[0])
                .flatMap(r -> inner.value().apply(r)).orElse(Double.NaN);
        return Optional.of(Measured.of(value, inner.quantity()));
    }

    /**
     * {@code metric} (an unqualified name such as {@code p99} or {@code errors}) of one block of
     * figures, e.g. what a sliding window measured; empty for an unknown name.
     */
    public static Optional<Measured> figure(Figures figures, String metric) {
        Metric m = METRICS.get(metric);
        return m == null ? Optional.empty()
                : Optional.of(Measured.of(m.value().apply(figures).orElse(Double.NaN), m.quantity()));
    }

    /**
     * Latency percentiles (and min, max) of rounds that stored their histograms pool them: the
     * percentile of the rounds' histograms added, as the merged run has it. Any other metric is one
     * value per round.
     */
    @Override
    public Optional<Samples> samples(String run, String metric) {
        Metric m = METRICS.get(metric);
        RunReport doc = runs.get(run);
        if (m == null || doc == null || !doc.hasRounds()) {
            return Optional.empty();
        }
        if (m.quantity() == Quantity.DURATION_MS) {
            return Optional.of(RoundRatios.samples(doc, metric));
        }
        return Optional.of(Samples.values(doc.rounds().stream().mapToDouble(round -> round.results() == null
                ? Double.NaN : m.value().apply(round.results()).orElse(Double.NaN)).toArray()));
    }

    @Override
    public Bias bias(String run, String metric) {
        RunReport doc = runs.get(run);
        if (doc == null) {
            return Bias.NONE;
        }
        Optional<String[]> split = METRICS.containsKey(metric) ? Optional.empty()
                : new Gate.Reference(metric).qualified();
        return GeneratorBias.of(doc.results(), split.map(parts -> parts[1]).orElse(metric));
    }

    @Override
    public Optional<String> partialReason(String run) {
        RunReport doc = runs.get(run);
        if (doc == null || !doc.partial()) {
            return Optional.empty();
        }
        return Optional.of("run " + run + " is partial: " + doc.merged().shardsMissing().size()
                + " of " + doc.merged().shards() + " shards missing ("
                + String.join("; ", doc.merged().shardsMissing().stream()
                        .map(m -> m.name() + ": " + m.reason()).toList()) + ")");
    }

    @Override
    public OptionalDouble floor(String run, String metric) {
        RunReport doc = runs.get(run);
        return doc == null ? OptionalDouble.empty() : GeneratorBias.floor(doc.results(), metric);
    }

    @Override
    public Optional<String> limitedReason(String run) {
        RunReport doc = runs.get(run);
        if (doc == null || doc.results() == null || !doc.results().limited()) {
            return Optional.empty();
        }
        return Optional.of("the load generator limited run " + run + ": "
                + doc.results().generator().reason());
    }

    @Override
    public String knownMetrics() {
        return String.join(", ", METRICS.keySet()) + "; REQUEST.METRIC for a request of a mix";
    }

    private static Map<String, Metric> metrics() {
        Map<String, Metric> map = new LinkedHashMap<>();
        for (String key : LatencySummary.STATISTICS) {
            map.put(key, latency(Figures::latency, key));
        }
        map.put("throughput", new Metric(r -> Optional.of(r.throughput()), Quantity.RATE_PER_SECOND));
        map.put("requestRate", new Metric(r -> Optional.ofNullable(r.requestRate()), Quantity.RATE_PER_SECOND));
        map.put("ok", new Metric(r -> Optional.ofNullable(r.ok()).map(Long::doubleValue), Quantity.COUNT));
        map.put("errors", new Metric(r -> Optional.of(r.errorRate()), Quantity.FRACTION));
        map.put("errorCount", new Metric(r -> Optional.ofNullable(r.errors())
                .map(e -> (double) e.total()), Quantity.COUNT));
        map.put("requests", new Metric(r -> Optional.of((double) r.requests()), Quantity.COUNT));
        for (String key : LatencySummary.STATISTICS) {
            map.put("service." + key, latency(Figures::serviceTime, key));
        }
        for (String key : LatencySummary.STATISTICS) {
            map.put("failure." + key, latency(Figures::failureLatency, key));
        }
        return Collections.unmodifiableMap(map);
    }

    private static Metric latency(Function<Figures, LatencySummary> block, String key) {
        return new Metric(r -> Optional.ofNullable(block.apply(r)).flatMap(s -> s.get(key)),
                Quantity.DURATION_MS);
    }

    private record Metric(Function<Figures, Optional<Double>> value, Quantity quantity) {
    }
}
