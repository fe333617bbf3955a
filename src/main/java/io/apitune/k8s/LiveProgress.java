package io.apitune.k8s;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;

/**
 * Live merged progress of a sharded run: takes the shards' {@link IntervalFrames} lines as they
 * arrive from the pod logs, adds the histograms of the same second (of the same run) across
 * shards, and prints one line per second with the shards that reported it, the merged request
 * rate, the exact merged p50 and p99 of OK latency (percentiles of the added histograms) and the
 * errors:
 *
 * <pre>
 * live main second 4: 3/3 shards, 3001 req/s, p50 1.234 ms, p99 4.567 ms, 0 errors
 * live main second 5: 2/3 shards (missing 2), 2000 req/s, p50 1.301 ms, p99 5.002 ms, 0 errors
 * </pre>
 *
 * A second is printed once every shard whose log is still open has reported it, or once it is
 * {@code late} old (counted from its first line's arrival, so the coordinator's and the pods'
 * clocks need not agree); seconds are printed in order, runs in the order they first appear.
 * Lines of a second already printed (a shard too late, or a log read again) are not counted.
 *
 * <p>Thread-safe: the log followers' threads and the coordinator's thread call it; every method
 * is synchronized, and lines are printed under its lock.
 */
public final class LiveProgress {
    private final int shards;
    private final long lateNanos;
    private final PrintWriter out;
    private final List<String> runs = new ArrayList<>();
    private final TreeMap<Key, Second> pending = new TreeMap<>();
    private final BitSet closed = new BitSet();
    private Key lastPrinted;
    private long printed;
    private long ignored;

    private record Key(int run, long second) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return run != o.run ? Integer.compare(run, o.run) : Long.compare(second, o.second);
        }
    }

    /** One second being gathered: who reported, and the sums so far. */
    private static final class Second {
        final long firstNanos;
        final BitSet reported = new BitSet();
        Histogram okLatency;
        long ok;
        long ko;
        double requestsPerSecond;

        Second(long firstNanos) {
            this.firstNanos = firstNanos;
        }
    }

    /**
     * @param shards how many shards the run has
     * @param late   how long a second waits for its missing shards
     * @param out    where the lines go
     */
    public LiveProgress(int shards, java.time.Duration late, PrintWriter out) {
        this.shards = shards;
        this.lateNanos = late.toNanos();
        this.out = out;
    }

    /**
     * Takes one log line (anything but an interval line of this run's shards is ignored) that
     * arrived at {@code nowNanos}, then prints what is due.
     */
    public synchronized void accept(String line, long nowNanos) {
        IntervalFrames.Interval interval = line.startsWith("APITUNE INTERVAL ") ? IntervalFrames.parse(line) : null;
        if (interval != null && interval.shards() == shards) {
            add(interval, nowNanos);
        }
        print(nowNanos, false);
    }

    /** Shard {@code index}'s log ended (its pod ended, or the stream broke): seconds stop waiting for it. */
    public synchronized void closed(int index, long nowNanos) {
        closed.set(index);
        print(nowNanos, false);
    }

    /** Shard {@code index}'s log is read again (a broken stream reopened): seconds wait for it again. */
    public synchronized void reopened(int index) {
        closed.clear(index);
    }

    /** Prints the seconds that are due at {@code nowNanos}. */
    public synchronized void tick(long nowNanos) {
        print(nowNanos, false);
    }

    /** Prints every second still gathering, with the shards it lacks: the shards have ended. */
    public synchronized void finish() {
        print(0, true);
    }

    /** Seconds printed so far. */
    public synchronized long printed() {
        return printed;
    }

    /** Interval lines not counted: their second was already printed, or the shard had reported it. */
    public synchronized long ignored() {
        return ignored;
    }

    private void add(IntervalFrames.Interval interval, long nowNanos) {
        int run = runs.indexOf(interval.run());
        if (run < 0) {
            runs.add(interval.run());
            run = runs.size() - 1;
        }
        Key key = new Key(run, interval.second());
        if (lastPrinted != null && key.compareTo(lastPrinted) <= 0) {
            ignored++;
            return;
        }
        Second second = pending.computeIfAbsent(key, k -> new Second(nowNanos));
        if (second.reported.get(interval.shard())) {
            ignored++;
            return;
        }
        second.reported.set(interval.shard());
        if (second.okLatency == null) {
            second.okLatency = Histograms.newHistogram();
        }
        second.okLatency.add(interval.okLatency());
        second.ok += interval.ok();
        second.ko += interval.ko();
        second.requestsPerSecond += interval.millis() > 0 ? (interval.ok() + interval.ko()) * 1000.0 / interval.millis() : 0;
    }

    private void print(long nowNanos, boolean all) {
        while (!pending.isEmpty()) {
            Map.Entry<Key, Second> head = pending.firstEntry();
            Second second = head.getValue();
            if (!all && !complete(second) && nowNanos - second.firstNanos < lateNanos) {
                break;
            }
            pending.pollFirstEntry();
            lastPrinted = head.getKey();
            printed++;
            out.println(line(runs.get(head.getKey().run()), head.getKey().second(), second));
        }
        out.flush();
    }

    private boolean complete(Second second) {
        for (int shard = 0; shard < shards; shard++) {
            if (!second.reported.get(shard) && !closed.get(shard)) {
                return false;
            }
        }
        return true;
    }

    private String line(String run, long index, Second second) {
        List<String> missing = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            if (!second.reported.get(shard)) {
                missing.add(String.valueOf(shard));
            }
        }
        Histogram h = second.okLatency;
        boolean anyOk = h.getTotalCount() > 0;
        return String.format(Locale.ROOT, "live %s second %d: %d/%d shards%s, %.0f req/s, p50 %s ms, p99 %s ms, %d errors",
                run, index, second.reported.cardinality(), shards,
                missing.isEmpty() ? "" : " (missing " + String.join(", ", missing) + ")",
                second.requestsPerSecond, anyOk ? ms(h.getValueAtPercentile(50)) : "-",
                anyOk ? ms(h.getValueAtPercentile(99)) : "-", second.ko);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
