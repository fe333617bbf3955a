package io.apitune.report.model;

/**
 * A shard whose results are absent from a merged report ({@code merged.shardsMissing}).
 *
 * <p>Immutable; thread-safe.
 *
 * @param index  the shard's 0-based index
 * @param name   what ran it, e.g. the pod's name; {@code shard I/N} when nothing more is known
 * @param reason why it is missing, e.g. {@code Evicted: the node was low on memory}
 */
public record MissingShard(int index, String name, String reason) {
}
