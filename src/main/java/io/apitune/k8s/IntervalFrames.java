package io.apitune.k8s;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.apitune.load.IntervalSample;
import io.apitune.load.ProgressListener;
import io.apitune.load.Shard;
import io.apitune.report.model.HistogramCodec;
import org.HdrHistogram.Histogram;

/**
 * How a shard's live progress travels in its pod log: every measured second, one line with that
 * second's OK-latency histogram (nanoseconds from the intended send; HdrHistogram's compressed
 * encoding in base64, as in an {@code .hlog} line) and its OK and KO counts:
 *
 * <pre>
 * APITUNE INTERVAL shard=1/3 run=main second=4 ms=1000 ok=998 ko=2 latency=HISTFAAAAC...
 * </pre>
 *
 * {@code second} counts whole seconds from the run's common start time (every shard starts
 * measuring then, {@code --start-at}), so the same second of every shard is the same wall-clock
 * second; {@code ms} is the interval's length (the last one may be shorter). Adding the
 * histograms of one second across shards gives that second's exact merged percentiles
 * ({@link LiveProgress}).
 *
 * <p>Stateless; thread-safe. The listener of {@link #listener} runs on the generator's sampler
 * thread.
 */
public final class IntervalFrames {
    private static final Pattern LINE = Pattern.compile("^APITUNE INTERVAL shard=(\\d{1,9})/(\\d{1,9}) "
            + "run=(\\S+) second=(\\d{1,9}) ms=(\\d{1,9}) ok=(\\d{1,18}) ko=(\\d{1,18}) latency=([A-Za-z0-9+/=]+)$");

    /**
     * One shard's second, decoded.
     *
     * @param shard     the shard's index, 0 .. shards - 1
     * @param shards    how many shards the run has
     * @param okLatency OK-latency histogram of the second, in nanoseconds
     */
    public record Interval(int shard, int shards, String run, long second, long millis, long ok, long ko,
            Histogram okLatency) {
    }

    private IntervalFrames() {
    }

    /** The line of one measured interval of shard {@code shard} of run {@code run}. */
    public static String format(Shard shard, String run, IntervalSample sample, Histogram okLatency) {
        long second = Math.max(0, Math.round(sample.elapsedSeconds() - sample.intervalSeconds()));
        long ko = sample.requests() - sample.ok();
        return "APITUNE INTERVAL shard=" + shard.index() + "/" + shard.count() + " run=" + run
                + " second=" + second + " ms=" + Math.round(sample.intervalSeconds() * 1000)
                + " ok=" + sample.ok() + " ko=" + Math.max(0, ko)
                + " latency=" + HistogramCodec.encode(okLatency);
    }

    /** The interval on {@code line}, or null when it is not a whole interval line. */
    public static Interval parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return null;
        }
        int shard = Integer.parseInt(m.group(1));
        int shards = Integer.parseInt(m.group(2));
        if (shard >= shards) {
            return null;
        }
        try {
            return new Interval(shard, shards, m.group(3), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), Long.parseLong(m.group(7)), HistogramCodec.decode(m.group(8)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A progress listener that prints (and flushes) one line per measured interval of run
     * {@code run} on {@code out}: {@code run --print-intervals}, which the pods of
     * {@code k8s run} use.
     */
    public static ProgressListener listener(Shard shard, String run, PrintWriter out) {
        return new ProgressListener() {
            @Override
            public void intervalLatency(IntervalSample sample, Histogram okLatency) {
                out.println(format(shard, run, sample, okLatency));
                out.flush();
            }
        };
    }
}
