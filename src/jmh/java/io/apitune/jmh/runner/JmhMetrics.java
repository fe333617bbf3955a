package io.apitune.jmh.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.apitune.gate.Measured;
import io.apitune.gate.MetricResolver;
import io.apitune.gate.Quantity;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * Resolves gate references on JMH scores: the run is the benchmark class's simple name, the metric
 * its method (or {@code @Group}, or a group member's method), e.g. {@code CacheBench.hit}. When a
 * benchmark ran with several {@code @Param} combinations, each is addressed by appending the
 * values of the params that vary, in alphabetical order of the param names
 * ({@code CacheBench.hit.1000}); appending all its param values always works too. The plain name
 * then is ambiguous and unknown. Scores are {@link Quantity#PLAIN} with JMH's unit label.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class JmhMetrics implements MetricResolver {
    /** Run (class) → metric → score. */
    private final Map<String, Map<String, Measured>> runs;

    private JmhMetrics(Map<String, Map<String, Measured>> runs) {
        this.runs = runs;
    }

    /** Resolver over a finished run's scores. */
    public static JmhMetrics of(List<JmhResult> results) {
        List<Score> scores = new ArrayList<>();
        for (JmhResult r : results) {
            List<String> values = List.copyOf(new TreeMap<>(r.params()).values());
            String method = r.name().substring(r.name().indexOf('.') + 1);
            String run = r.name().substring(0, r.name().indexOf('.'));
            scores.add(new Score(run, method, values, new Measured(r.score(), Quantity.PLAIN, r.unit())));
            r.secondary().forEach((label, score) ->
                    scores.add(new Score(run, label, values, new Measured(score, Quantity.PLAIN, r.unit()))));
        }
        return build(scores);
    }

    /**
     * Resolver that knows names only (values NaN), from the benchmarks about to run and the
     * {@code --param} overrides: checking gates against it catches a typo before JMH starts.
     */
    public static JmhMetrics namesOnly(Collection<BenchmarkListEntry> entries, Map<String, List<String>> overrides) {
        List<Score> scores = new ArrayList<>();
        Measured unknown = new Measured(Double.NaN, Quantity.PLAIN, "");
        for (BenchmarkListEntry entry : entries) {
            String name = JmhResult.shortName(entry.getUsername());
            String run = name.substring(0, name.indexOf('.'));
            List<String> members = new ArrayList<>(List.of(name.substring(name.indexOf('.') + 1)));
            members.addAll(entry.getThreadGroupLabels().orElse(List.of()));
            for (List<String> values : combinations(entry, overrides)) {
                members.forEach(m -> scores.add(new Score(run, m, values, unknown)));
            }
        }
        return build(scores);
    }

    private static List<List<String>> combinations(BenchmarkListEntry entry, Map<String, List<String>> overrides) {
        Map<String, String[]> declared = new TreeMap<>(entry.getParams().orElse(Map.of()));
        List<List<String>> combos = new ArrayList<>(List.of(List.of()));
        for (Map.Entry<String, String[]> param : declared.entrySet()) {
            List<String> values = overrides.getOrDefault(param.getKey(), List.of(param.getValue()));
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String value : values) {
                    List<String> combo = new ArrayList<>(prefix);
                    combo.add(value);
                    next.add(combo);
                }
            }
            combos = next;
        }
        return combos;
    }

    private static JmhMetrics build(List<Score> scores) {
        Map<String, Map<String, List<Score>>> byMethod = new TreeMap<>();
        for (Score s : scores) {
            byMethod.computeIfAbsent(s.run, k -> new TreeMap<>()).computeIfAbsent(s.method, k -> new ArrayList<>()).add(s);
        }
        Map<String, Map<String, Measured>> runs = new LinkedHashMap<>();
        byMethod.forEach((run, methods) -> {
            Map<String, Measured> metrics = new TreeMap<>();
            methods.forEach((method, list) -> addNames(metrics, method, list));
            runs.put(run, metrics);
        });
        return new JmhMetrics(runs);
    }

    /**
     * Registers each score under {@code method} plus the values of the params that vary between
     * the scores (the bare name when there is one score), and under {@code method} plus all its
     * param values.
     */
    private static void addNames(Map<String, Measured> metrics, String method, List<Score> list) {
        int paramCount = list.get(0).paramValues.size();
        List<Integer> varying = new ArrayList<>();
        for (int i = 0; i < paramCount; i++) {
            int index = i;
            if (list.stream().map(s -> s.paramValues.get(index)).distinct().count() > 1) {
                varying.add(i);
            }
        }
        for (Score s : list) {
            List<String> shortValues = new ArrayList<>();
            varying.forEach(i -> shortValues.add(s.paramValues.get(i)));
            metrics.put(name(method, shortValues), s.measured);
            metrics.put(name(method, s.paramValues), s.measured);
        }
    }

    private static String name(String method, List<String> values) {
        return values.isEmpty() ? method : method + "." + String.join(".", values);
    }

    @Override
    public Set<String> runs() {
        return runs.keySet();
    }

    /** None: a JMH gate names its benchmark class, as in {@code CacheBench.hit}. */
    @Override
    public List<String> defaultRuns() {
        return List.of();
    }

    @Override
    public Optional<Measured> lookup(String run, String metric) {
        return Optional.ofNullable(runs.getOrDefault(run, Map.of()).get(metric));
    }

    @Override
    public String knownMetrics() {
        Set<String> names = new TreeSet<>();
        runs.forEach((run, metrics) -> metrics.keySet().forEach(m -> names.add(run + "." + m)));
        return String.join(", ", names);
    }

    private record Score(String run, String method, List<String> paramValues, Measured measured) {
    }
}
