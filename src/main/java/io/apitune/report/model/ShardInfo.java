package io.apitune.report.model;

import java.util.Objects;

import io.apitune.load.LoadConfig;

/**
 * Which shard of a run a report is ({@code shard}): shard {@code index} (0-based) of
 * {@code count}, measured from {@code startAt}, the same instant on every shard.
 *
 * <p>Immutable; thread-safe.
 *
 * @param startAt ISO-8601 UTC
 */
public record ShardInfo(int index, int count, String startAt) {
    public ShardInfo {
        Objects.requireNonNull(startAt, "startAt");
    }

    /** The shard of {@code load}, or null when it runs whole or has no common start. */
    public static ShardInfo of(LoadConfig load) {
        if (load.shard().whole() || load.startAt() == null) {
            return null;
        }
        return new ShardInfo(load.shard().index(), load.shard().count(), load.startAt().toString());
    }

    /** {@code I/N}. */
    public String label() {
        return index + "/" + count;
    }
}
