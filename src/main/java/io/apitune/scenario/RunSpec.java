package io.apitune.scenario;

import java.util.Objects;

import io.apitune.load.LoadConfig;

/**
 * One named run: a target and the load to put on it. Built from {@code bench} flags or from one
 * entry of a scenario file's {@code runs}. The request URL inside {@code load} is resolved from
 * the target when the run starts (a {@link TargetSpec.Kind#MODE} target only knows its port then).
 *
 * @param name short name used in reports and relative gates ({@code async.throughput}),
 *             matching {@code [A-Za-z0-9_-]+}
 */
public record RunSpec(String name, TargetSpec target, LoadConfig load) {
    public RunSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(load, "load");
    }
}
