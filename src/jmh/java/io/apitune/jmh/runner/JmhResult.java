package io.apitune.jmh.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One benchmark's primary score, flattened from JMH's {@link RunResult}.
 *
 * @param benchmark  the fully qualified name, e.g. {@code io.apitune.jmh.CacheBench.hit}
 * @param name       the short name gates use: {@code Class.method} (or {@code Class.group})
 * @param mode       JMH's short mode label: {@code avgt}, {@code thrpt}, ...
 * @param params     the {@code @Param} values of this result, in declaration order
 * @param score      the primary score in {@code unit}
 * @param scoreError the 99.9 % confidence half-width, {@code null} when JMH could not compute one
 * @param unit       e.g. {@code ns/op}
 * @param samples    measurement samples behind the score
 * @param secondary  per-method scores of a {@code @Group}, by label, in {@code unit}
 *
 * <p>Immutable; thread-safe.
 */
public record JmhResult(String benchmark, String name, String mode, Map<String, String> params,
        double score, Double scoreError, String unit, long samples, Map<String, Double> secondary) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** Flattens one JMH result. */
    public static JmhResult of(RunResult run) {
        BenchmarkParams bp = run.getParams();
        Result<?> primary = run.getPrimaryResult();
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : bp.getParamsKeys()) {
            params.put(key, bp.getParam(key));
        }
        Map<String, Double> secondary = new LinkedHashMap<>();
        run.getSecondaryResults().forEach((label, result) -> secondary.put(label, result.getScore()));
        double error = primary.getScoreError();
        return new JmhResult(bp.getBenchmark(), shortName(bp.getBenchmark()), bp.getMode().shortLabel(),
                params, primary.getScore(), Double.isFinite(error) ? error : null,
                primary.getScoreUnit(), primary.getSampleCount(), secondary);
    }

    /** {@code io.apitune.jmh.CacheBench.hit} → {@code CacheBench.hit}. */
    static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int clazz = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(clazz + 1);
    }

    /** The params as {@code a=1,b=2}, empty when there are none. */
    public String paramsText() {
        StringBuilder text = new StringBuilder();
        params.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return text.toString();
    }
}
