package io.apitune.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a run one load generator drives when the run is split over {@code count}
 * generators (shards): shard {@code index} (0-based, as Kubernetes' {@code JOB_COMPLETION_INDEX})
 * takes every {@code count}-th slot of the whole run's schedule starting at slot {@code index},
 * an even share of the connections and of a request count, and the keys (and feeder rows) whose
 * 0-based position is {@code index} modulo {@code count}. So the shards together make exactly the
 * single-machine run, nothing duplicated.
 *
 * <p>Immutable; thread-safe.
 *
 * @param index 0 .. count - 1
 * @param count at least 1; 1 is the whole run
 */
public record Shard(int index, int count) {
    /** The whole run on one generator. */
    public static final Shard WHOLE = new Shard(0, 1);

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count
                    + ": needs 0 <= index < count");
        }
    }

    /** Parses {@code I/N}; null when the text is not a valid shard. */
    public static Shard parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        return count >= 1 && index < count ? new Shard(index, count) : null;
    }

    /** True for the whole run (one shard). */
    public boolean whole() {
        return count == 1;
    }

    /**
     * This shard's share of {@code total} items dealt round-robin (item k to shard k mod count):
     * the first {@code total mod count} shards get one more.
     */
    public long share(long total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /**
     * The rows of a block of feeder rows that this shard uses, in order: row r of the block
     * numbered {@code block} when {@code (block + r) mod count} is this shard's index. Blocks are
     * the same on every shard (a feeder file's windows), so the shards split every block's rows
     * and no row is used by two shards.
     */
    public String[][] ownRows(String[][] rows, long block) {
        if (whole()) {
            return rows;
        }
        int first = (int) Math.floorMod(index - block, (long) count);
        int n = rows.length > first ? (rows.length - 1 - first) / count + 1 : 0;
        String[][] own = new String[n][];
        for (int j = 0; j < n; j++) {
            own[j] = rows[first + j * count];
        }
        return own;
    }

    /**
     * The slice of the whole schedule that lane {@code lane} of {@code lanes} of this shard
     * sends (see {@link Schedule}): the shard's j-th slot is the whole schedule's slot
     * {@code index + count * j}, and the lane takes the shard's slots j = lane mod lanes, so
     * slot {@code index + count * lane} modulo {@code count * lanes}.
     */
    public int slice(int lane, int lanes) {
        return index + count * lane;
    }

    /** How many slices the whole schedule is cut into when every shard has {@code lanes} lanes. */
    public int slices(int lanes) {
        return count * lanes;
    }

    /** {@code I/N}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
