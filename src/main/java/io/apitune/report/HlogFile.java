package io.apitune.report;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.apitune.ApituneException;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.PackedHistogram;

/**
 * One HdrHistogram interval log read in a single pass: its start time, the whole log added per
 * tag, and per-interval statistics (count, p50, p99, max) per tag; a callback may see every
 * decoded interval (for merging). Values are whatever the log recorded (nanoseconds here).
 *
 * <p>Why not keep every decoded interval: each one allocates counts for the whole 1 µs..1 h
 * range (~200 KB), so an hour of intervals would not fit in a default heap, and reading counts
 * back out of packed histograms index by index is slow. Statistics are taken while decoding.
 *
 * <p>Immutable after {@link #read}; callers must not modify the histograms it returns.
 */
final class HlogFile {
    /** The interval length apitune writes. */
    static final long INTERVAL_MS = 1000;

    /** Statistics of one interval, in the log's unit (nanoseconds). */
    record IntervalStats(long count, long p50, long p99, long max) {
    }

    private final Path path;
    private final long startTimeMs;
    private final Map<String, Histogram> totals;
    private final Map<String, TreeMap<Long, IntervalStats>> stats;

    private HlogFile(Path path, long startTimeMs, Map<String, Histogram> totals,
                     Map<String, TreeMap<Long, IntervalStats>> stats) {
        this.path = path;
        this.startTimeMs = startTimeMs;
        this.totals = totals;
        this.stats = stats;
    }

    /** Reads totals and per-interval statistics (for the HTML report). */
    static HlogFile read(Path path) {
        return read(path, null);
    }

    /**
     * @param eachInterval when not null, receives every decoded interval histogram (for merging);
     *                     it must not keep a reference to it
     * @throws ApituneException exit 2 when the file is missing, unreadable or holds no intervals
     */
    static HlogFile read(Path path, Consumer<Histogram> eachInterval) {
        try (HistogramLogReader reader = open(path)) {
            Histogram first = first(reader, path);
            HlogFile file = new HlogFile(path, startMs(reader, first), new HashMap<>(), new HashMap<>());
            for (Histogram h = first; h != null; h = next(reader, path)) {
                file.accept(h);
                if (eachInterval != null) {
                    eachInterval.accept(h);
                }
            }
            return file;
        }
    }

    /** The start time of a log without reading all of it, epoch ms (see {@link #startTimeMs()}). */
    static long readStartTimeMs(Path path) {
        try (HistogramLogReader reader = open(path)) {
            return startMs(reader, first(reader, path));
        }
    }

    private static HistogramLogReader open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw ApituneException.invalidInput(path + ": no such .hlog file");
        }
        try {
            return new HistogramLogReader(path.toFile());
        } catch (FileNotFoundException e) {
            throw ApituneException.invalidInput(path + ": cannot open (" + e.getMessage() + ")");
        }
    }

    private static Histogram first(HistogramLogReader reader, Path path) {
        Histogram first = next(reader, path);
        if (first == null) {
            throw ApituneException.invalidInput(path + ": holds no interval histograms");
        }
        return first;
    }

    /** The StartTime header, or the first interval's start when that is earlier or the header is absent. */
    private static long startMs(HistogramLogReader reader, Histogram first) {
        double startSec = reader.getStartTimeSec();
        long firstMs = first.getStartTimeStamp();
        return Math.min(startSec > 0 ? Math.round(startSec * 1000) : firstMs, firstMs);
    }

    private void accept(Histogram h) {
        String tag = tagOf(h);
        totals.computeIfAbsent(tag, t -> emptyLike(h, false)).add(h);
        IntervalStats s = new IntervalStats(h.getTotalCount(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), h.getMaxValue());
        stats.computeIfAbsent(tag, t -> new TreeMap<>()).merge(bucketOf(h, startTimeMs), s, (a, b) ->
                new IntervalStats(a.count() + b.count(), Math.max(a.p50(), b.p50()), Math.max(a.p99(), b.p99()),
                        Math.max(a.max(), b.max())));
    }

    private static Histogram next(HistogramLogReader reader, Path path) {
        EncodableHistogram h;
        try {
            h = reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw ApituneException.invalidInput(path + ": not an HdrHistogram interval log (" + e.getMessage() + ")");
        }
        if (h != null && !(h instanceof Histogram)) {
            throw ApituneException.invalidInput(path + ": holds double histograms, expected integer");
        }
        return (Histogram) h;
    }

    static String tagOf(Histogram h) {
        return h.getTag() == null ? IntervalLog.TAG_LATENCY : h.getTag();
    }

    /** Interval index of a histogram on a time base starting at {@code baseMs}. */
    static long bucketOf(Histogram h, long baseMs) {
        return Math.round((h.getStartTimeStamp() - baseMs) / (double) INTERVAL_MS);
    }

    Path path() {
        return path;
    }

    /** The log's start time (or its first interval's, if earlier), epoch ms. */
    long startTimeMs() {
        return startTimeMs;
    }

    /** Per-interval statistics of one tag by interval index from the log start (empty if absent). */
    TreeMap<Long, IntervalStats> stats(String tag) {
        return stats.getOrDefault(tag, new TreeMap<>());
    }

    /** The whole log of one tag added into one histogram, or null when the tag is absent. */
    Histogram total(String tag) {
        return totals.get(tag);
    }

    /**
     * A fresh auto-resizing histogram with the configuration of {@code like} (same buckets: adding
     * is exact); {@code packed} for one whose memory grows with the values used.
     */
    static Histogram emptyLike(Histogram like, boolean packed) {
        long lowest = like.getLowestDiscernibleValue();
        long highest = like.getHighestTrackableValue();
        int digits = like.getNumberOfSignificantValueDigits();
        Histogram h = packed ? new PackedHistogram(lowest, highest, digits) : new Histogram(lowest, highest, digits);
        h.setAutoResize(true);
        return h;
    }
}
