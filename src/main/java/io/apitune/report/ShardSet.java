package io.apitune.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.apitune.ApituneException;
import io.apitune.report.model.MissingShard;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.ShardInfo;

/**
 * The shards of one run that a merge has in hand, and those it has not. Inputs are shards of one
 * run when every report names its shard ({@link ShardInfo}); they must then agree on the count
 * and the start time, and no shard may come twice (adding it twice would count its requests
 * twice). Shards absent are missing: the merged report is partial.
 *
 * <p>Immutable; thread-safe.
 *
 * @param count   how many shards the run was split into
 * @param present the shards in hand, by index
 * @param missing the shards absent, by index, each with its name and why
 */
public record ShardSet(int count, List<Integer> present, List<MissingShard> missing) {
    public ShardSet {
        present = List.copyOf(present);
        missing = List.copyOf(missing);
    }

    /**
     * What is known about shards that will not come (e.g. a pod that failed): the run's shard
     * count and, by index, why.
     */
    public record Expected(int count, Map<Integer, MissingShard> failures) {
        public Expected {
            failures = Map.copyOf(failures);
        }
    }

    /**
     * The shards among {@code reports} (reports may be null: a log without a report).
     *
     * @param sources  names of the inputs, for messages, in the order of {@code reports}
     * @param expected the count and known failures, or null to take the count from the reports
     * @return null when the inputs are not shards (some report names no shard) and nothing is
     *         expected
     * @throws ApituneException exit 2 when the inputs are shards of different runs, or one
     *                          shard comes twice
     */
    public static ShardSet of(List<String> sources, List<RunReport> reports, Expected expected) {
        if (reports.stream().anyMatch(r -> r == null || r.shard() == null)) {
            if (expected == null) {
                return null;
            }
            throw ApituneException.invalidInput(sources.get(indexOfUnnamed(reports))
                    + ": not a shard's report (it names no shard)");
        }
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        ShardInfo first = reports.isEmpty() ? null : reports.get(0).shard();
        for (int i = 0; i < reports.size(); i++) {
            ShardInfo shard = reports.get(i).shard();
            if (shard.count() != first.count() || !shard.startAt().equals(first.startAt())) {
                throw ApituneException.invalidInput(sources.get(i) + ": shard " + shard.label()
                        + " from " + shard.startAt() + " is not of the same run as " + sources.get(0)
                        + " (shard " + first.label() + " from " + first.startAt() + ")");
            }
            String before = byIndex.put(shard.index(), sources.get(i));
            if (before != null) {
                throw ApituneException.invalidInput(sources.get(i) + ": shard " + shard.label()
                        + " is also " + before + "; merging it twice would count its requests twice");
            }
        }
        int count = expected != null ? expected.count() : first.count();
        if (first != null && first.count() != count) {
            throw ApituneException.invalidInput(sources.get(0) + ": shard " + first.label()
                    + " of a run of " + first.count() + " shards, expected " + count);
        }
        List<MissingShard> missing = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (!byIndex.containsKey(index)) {
                MissingShard known = expected == null ? null : expected.failures().get(index);
                missing.add(known != null ? known
                        : new MissingShard(index, "shard " + index + "/" + count, "no results"));
            }
        }
        return new ShardSet(count, List.copyOf(byIndex.keySet()), missing);
    }

    private static int indexOfUnnamed(List<RunReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) == null || reports.get(i).shard() == null) {
                return i;
            }
        }
        return 0;
    }
}
