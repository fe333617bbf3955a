package io.apitune.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.apitune.ApituneException;
import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Lossless merging of HdrHistogram interval logs (e.g. shards of one run from several machines):
 * every interval is placed on a common time base — the earliest log start, each interval at its
 * log's start time plus its offset, rounded to the nearest whole interval — and histograms that
 * land on the same interval and tag are added. Adding histograms with identical bucket layouts
 * is exact, so merged percentiles equal those of one histogram that recorded every value.
 *
 * <p>Buckets are packed histograms (memory proportional to the values used, so hours of
 * intervals fit); each decoded interval is added into its bucket as it is read.
 *
 * <p>Immutable after {@link #of}; not shared between threads in practice.
 */
public final class HlogMerge {
    private final List<HlogFile> sources;
    private final long baseMs;
    /** tag → interval index (from baseMs) → merged histogram. */
    private final Map<String, TreeMap<Long, Histogram>> byTag;

    private HlogMerge(List<HlogFile> sources, long baseMs, Map<String, TreeMap<Long, Histogram>> byTag) {
        this.sources = sources;
        this.baseMs = baseMs;
        this.byTag = byTag;
    }

    /**
     * @throws ApituneException exit 2 when a file is unreadable or its histogram configuration
     *                          differs from the first file's (adding would then not be exact)
     */
    public static HlogMerge of(List<Path> files) {
        if (files.isEmpty()) {
            throw ApituneException.invalidInput("merge: no .hlog files given");
        }
        long baseMs = files.stream().mapToLong(HlogFile::readStartTimeMs).min().orElseThrow();
        Map<String, TreeMap<Long, Histogram>> byTag = new LinkedHashMap<>();
        byTag.put(IntervalLog.TAG_LATENCY, new TreeMap<>());
        Histogram[] reference = new Histogram[1];
        List<HlogFile> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(HlogFile.read(file, h -> {
                if (reference[0] == null) {
                    reference[0] = HlogFile.emptyLike(h, true);
                }
                requireSameLayout(reference[0], files.get(0), h, file);
                byTag.computeIfAbsent(HlogFile.tagOf(h), t -> new TreeMap<>())
                        .computeIfAbsent(HlogFile.bucketOf(h, baseMs), b -> HlogFile.emptyLike(reference[0], true))
                        .add(h);
            }));
        }
        return new HlogMerge(sources, baseMs, byTag);
    }

    private static void requireSameLayout(Histogram ref, Path refPath, Histogram h, Path path) {
        if (h.getLowestDiscernibleValue() != ref.getLowestDiscernibleValue()
                || h.getNumberOfSignificantValueDigits() != ref.getNumberOfSignificantValueDigits()) {
            throw ApituneException.invalidInput(Html.fmt("%s: histogram configuration (lowest %d, %d digits) "
                    + "differs from %s (lowest %d, %d digits); merging would not be lossless", path,
                    h.getLowestDiscernibleValue(), h.getNumberOfSignificantValueDigits(), refPath,
                    ref.getLowestDiscernibleValue(), ref.getNumberOfSignificantValueDigits()));
        }
    }

    List<HlogFile> sources() {
        return sources;
    }

    /** Start of interval 0 of the common time base, epoch ms. */
    long baseMs() {
        return baseMs;
    }

    /** The tags of the merged log, in first-seen order. */
    java.util.Set<String> tags() {
        return byTag.keySet();
    }

    /** Merged intervals of one tag by interval index (empty when the tag is absent). */
    TreeMap<Long, Histogram> intervals(String tag) {
        return byTag.getOrDefault(tag, new TreeMap<>());
    }

    /** Every interval of one tag added together (the sources' totals), or null when the tag is absent. */
    public Histogram total(String tag) {
        Histogram total = null;
        for (HlogFile source : sources) {
            Histogram h = source.total(tag);
            if (h != null) {
                total = total == null ? HlogFile.emptyLike(h, false) : total;
                total.add(h);
            }
        }
        return total;
    }

    /** The merged log: one interval per index, tags in first-seen order, relative timestamps. */
    public byte[] toHlog() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        HistogramLogWriter writer = new HistogramLogWriter(out);
        writer.outputComment("apitune merge of " + sources.size() + " logs");
        writer.outputLogFormatVersion();
        writer.outputStartTime(baseMs);
        writer.setBaseTime(baseMs);
        writer.outputLegend();
        TreeMap<Long, List<Histogram>> ordered = new TreeMap<>();
        byTag.forEach((tag, intervals) -> intervals.forEach((index, h) -> {
            h.setTag(tag);
            h.setStartTimeStamp(baseMs + index * HlogFile.INTERVAL_MS);
            h.setEndTimeStamp(baseMs + (index + 1) * HlogFile.INTERVAL_MS);
            ordered.computeIfAbsent(index, i -> new ArrayList<>()).add(h);
        }));
        // encoding caches a buffer of the full counts length in the histogram it encodes: go
        // through one scratch histogram so the packed buckets stay small
        Histogram scratch = null;
        for (List<Histogram> list : ordered.values()) {
            for (Histogram h : list) {
                scratch = scratch == null ? HlogFile.emptyLike(h, false) : scratch;
                scratch.reset();
                scratch.add(h);
                scratch.setTag(h.getTag());
                scratch.setStartTimeStamp(h.getStartTimeStamp());
                scratch.setEndTimeStamp(h.getEndTimeStamp());
                writer.outputIntervalHistogram(scratch);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }
}
