package io.apitune.report.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.apitune.load.ErrorCounts;
import io.apitune.load.ErrorKind;

/**
 * Failed requests by {@link ErrorKind}, as report.json stores them: one count per kind under its
 * key ({@code status5xx}), preceded by {@code total} in a run's results (not in timeline entries).
 *
 * <p>Immutable; thread-safe.
 */
public final class ErrorTally {
    private final long[] byKind;
    private final boolean withTotal;

    private ErrorTally(long[] byKind, boolean withTotal) {
        this.byKind = byKind;
        this.withTotal = withTotal;
    }

    /** @param withTotal whether the JSON form starts with {@code total} */
    public static ErrorTally of(ErrorCounts counts, boolean withTotal) {
        long[] byKind = new long[ErrorKind.values().length];
        for (ErrorKind kind : ErrorKind.values()) {
            byKind[kind.ordinal()] = counts.get(kind);
        }
        return new ErrorTally(byKind, withTotal);
    }

    /** From counts indexed by {@link ErrorKind#ordinal()}. */
    public static ErrorTally of(long[] byKind, boolean withTotal) {
        return new ErrorTally(byKind.clone(), withTotal);
    }

    public long get(ErrorKind kind) {
        return byKind[kind.ordinal()];
    }

    public long total() {
        long sum = 0;
        for (long n : byKind) {
            sum += n;
        }
        return sum;
    }

    @JsonValue
    Map<String, Long> json() {
        Map<String, Long> map = new LinkedHashMap<>();
        if (withTotal) {
            map.put("total", total());
        }
        for (ErrorKind kind : ErrorKind.values()) {
            map.put(kind.key(), byKind[kind.ordinal()]);
        }
        return map;
    }

    @JsonCreator
    static ErrorTally fromJson(Map<String, Long> json) {
        long[] byKind = new long[ErrorKind.values().length];
        for (ErrorKind kind : ErrorKind.values()) {
            Long n = json.get(kind.key());
            byKind[kind.ordinal()] = n == null ? 0 : n;
        }
        return new ErrorTally(byKind, json.containsKey("total"));
    }
}
