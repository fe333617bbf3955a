package io.apitune.report;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.apitune.ApituneException;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One HdrHistogram interval log read into memory: its start time and every tagged interval
 * histogram with absolute timestamps. Values are whatever the log recorded (nanoseconds in apitune).
 *
 * <p>Immutable after {@link #read}; the histograms must not be modified by callers that share it.
 */
record HlogFile(Path path, long startTimeMs, List<Histogram> intervals) {
    /** Tag of latency measured from the intended send time. */
    static final String LATENCY = "latency";
    /** Tag of service time measured from the actual send. */
    static final String SERVICE = "service";
    /** The interval length apitune writes. */
    static final long INTERVAL_MS = 1000;

    HlogFile {
        intervals = List.copyOf(intervals);
    }

    /**
     * @throws ApituneException exit 2 when the file is missing, unreadable or holds no intervals
     */
    static HlogFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw ApituneException.invalidInput(path + ": no such .hlog file");
        }
        List<Histogram> intervals = new ArrayList<>();
        double startSec;
        try (HistogramLogReader reader = new HistogramLogReader(path.toFile())) {
            EncodableHistogram h;
            while ((h = next(reader, path)) != null) {
                if (!(h instanceof Histogram histogram)) {
                    throw ApituneException.invalidInput(path + ": holds double histograms, expected integer");
                }
                intervals.add(histogram);
            }
            startSec = reader.getStartTimeSec();
        } catch (FileNotFoundException e) {
            throw ApituneException.invalidInput(path + ": cannot open (" + e.getMessage() + ")");
        }
        if (intervals.isEmpty()) {
            throw ApituneException.invalidInput(path + ": holds no interval histograms");
        }
        long firstMs = intervals.stream().mapToLong(Histogram::getStartTimeStamp).min().orElse(0);
        long startMs = startSec > 0 ? Math.round(startSec * 1000) : firstMs;
        return new HlogFile(path, Math.min(startMs, firstMs), intervals);
    }

    private static EncodableHistogram next(HistogramLogReader reader, Path path) {
        try {
            return reader.nextIntervalHistogram();
        } catch (RuntimeException e) {
            throw ApituneException.invalidInput(path + ": not an HdrHistogram interval log (" + e.getMessage() + ")");
        }
    }

    /** Interval index of a histogram on a time base starting at {@code baseMs}. */
    static long bucketOf(Histogram h, long baseMs) {
        return Math.round((h.getStartTimeStamp() - baseMs) / (double) INTERVAL_MS);
    }

    /** The intervals of one tag (untagged counts as latency), keyed by interval index from the log start. */
    TreeMap<Long, Histogram> byInterval(String tag) {
        TreeMap<Long, Histogram> out = new TreeMap<>();
        for (Histogram h : intervals) {
            if (tag.equals(h.getTag() == null ? LATENCY : h.getTag())) {
                out.merge(bucketOf(h, startTimeMs), h, HlogFile::sum);
            }
        }
        return out;
    }

    /** The whole log of one tag added into one histogram, or null when the tag is absent. */
    Histogram total(String tag) {
        Histogram total = null;
        for (Histogram h : intervals) {
            if (tag.equals(h.getTag() == null ? LATENCY : h.getTag())) {
                total = total == null ? emptyLike(h) : total;
                total.add(h);
            }
        }
        return total;
    }

    /** A fresh histogram with the configuration of {@code like} (same buckets, so adding is exact). */
    static Histogram emptyLike(Histogram like) {
        Histogram h = new Histogram(like.getLowestDiscernibleValue(), like.getHighestTrackableValue(),
                like.getNumberOfSignificantValueDigits());
        h.setAutoResize(true);
        return h;
    }

    static Histogram copy(Histogram h) {
        Histogram c = emptyLike(h);
        c.add(h);
        c.setStartTimeStamp(h.getStartTimeStamp());
        c.setEndTimeStamp(h.getEndTimeStamp());
        c.setTag(h.getTag());
        return c;
    }

    private static Histogram sum(Histogram a, Histogram b) {
        Histogram out = copy(a);
        out.add(b);
        return out;
    }
}
