package io.apitune.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.apitune.ApituneException;
import io.apitune.report.MergedReport;
import io.apitune.report.ShardSet;
import io.apitune.report.model.MissingShard;
import io.apitune.report.model.RunReport;

/**
 * Turns the shards' pod logs into merged reports: unpacks each log's frames
 * ({@link ResultFrames}) into {@code out/shards/<index>/<run>/}, then merges every run's
 * latency.hlog files exactly into {@code out/<run>/} with {@link MergedReport}. A shard with no
 * pod, a failed pod or no frames for a run is named in that run's {@code merged.shardsMissing},
 * and the merged report is partial.
 *
 * <p>Stateless; thread-safe for different output directories.
 */
public final class ShardResults {
    private ShardResults() {
    }

    /**
     * @param shards one entry per shard index, as {@link ShardCoordinator#await()} returns them
     * @param out    the report directory, new or empty
     * @return run name to its merged report, in the order the runs appear
     * @throws ApituneException exit 3 when no shard returned any result
     */
    public static Map<String, RunReport> merge(List<ShardCoordinator.ShardLog> shards, Path out) {
        Map<Integer, Map<String, Map<String, byte[]>>> framed = new HashMap<>();
        Set<String> runs = new LinkedHashSet<>();
        for (ShardCoordinator.ShardLog shard : shards) {
            if (shard.log() != null) {
                Map<String, Map<String, byte[]>> files = ResultFrames.parse(shard.log());
                files.values().removeIf(f -> !f.containsKey("latency.hlog"));
                framed.put(shard.index(), files);
                runs.addAll(files.keySet());
            }
        }
        if (runs.isEmpty()) {
            throw ApituneException.targetFailure("no shard returned results: " + String.join("; ",
                    shards.stream().map(s -> describe(s, s.failure() != null ? s.failure()
                            : "no results framed in its log")).toList()), null);
        }
        Map<String, RunReport> merged = new LinkedHashMap<>();
        for (String run : runs) {
            merged.put(run, mergeRun(run, shards, framed, out));
        }
        return merged;
    }

    private static RunReport mergeRun(String run, List<ShardCoordinator.ShardLog> shards,
            Map<Integer, Map<String, Map<String, byte[]>>> framed, Path out) {
        List<Path> hlogs = new ArrayList<>();
        Map<Integer, MissingShard> failures = new HashMap<>();
        for (ShardCoordinator.ShardLog shard : shards) {
            Map<String, byte[]> files = framed.getOrDefault(shard.index(), Map.of()).get(run);
            if (files == null) {
                String reason = shard.failure() != null ? shard.failure()
                        : "no results for run " + run + " framed in its log";
                failures.put(shard.index(), new MissingShard(shard.index(), name(shard), reason));
                continue;
            }
            Path dir = out.resolve("shards").resolve(String.valueOf(shard.index())).resolve(run);
            write(dir, files);
            hlogs.add(dir.resolve("latency.hlog"));
        }
        return MergedReport.write(hlogs, out.resolve(run), run,
                new ShardSet.Expected(shards.size(), failures));
    }

    private static void write(Path dir, Map<String, byte[]> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(dir.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(ShardCoordinator.ShardLog shard) {
        return shard.pod() != null ? "pod " + shard.pod() : "shard " + shard.index();
    }

    private static String describe(ShardCoordinator.ShardLog shard, String why) {
        return name(shard) + ": " + why;
    }
}
