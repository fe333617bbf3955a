package io.apitune.run;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import io.apitune.load.LoadConfig;

/**
 * One named run: a target and the load to put on it, built from flags or from one entry of a
 * scenario file's {@code runs} by {@link RunSettings}. The request URL inside {@code load} is
 * {@link TargetSpec#plannedUrl()}; the run's executor replaces it with the resolved URL when the
 * run starts (a {@link TargetSpec.Kind#MODE} target only knows its port then).
 *
 * <p>Immutable; thread-safe.
 *
 * @param name short name used in reports and relative gates ({@code async.throughput}),
 *             matching {@link #NAME}
 */
public record RunSpec(String name, TargetSpec target, LoadConfig load) {
    /** What a run name may hold: letters, digits, {@code _} and {@code -}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(load, "load");
    }

    /** The same run measured from {@code start}. */
    public RunSpec withStartAt(Instant start) {
        return new RunSpec(name, target, load.withStartAt(start));
    }

    /** The same run at another open-model rate (a capacity step). */
    public RunSpec withRate(String stepName, double ratePerSecond) {
        return new RunSpec(stepName, target, load.withRate(ratePerSecond));
    }
}
