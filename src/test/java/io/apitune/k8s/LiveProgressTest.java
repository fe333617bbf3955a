package io.apitune.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.apitune.load.ErrorCounts;
import io.apitune.load.IntervalSample;
import io.apitune.load.Shard;
import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Interval lines survive the log; the merged percentiles of a second are exactly those of the
 * shards' added histograms; a missing shard is waited for, then named; out-of-order and repeated
 * lines are handled.
 */
class LiveProgressTest {
    private static final long SECOND = 1_000_000_000L;
    private final StringWriter text = new StringWriter();
    private final LiveProgress progress = new LiveProgress(3, Duration.ofSeconds(2), new PrintWriter(text));

    @Test
    void anIntervalLineRoundTrips() {
        Histogram h = histogram(1, 500, 2_000_000);
        String line = IntervalFrames.format(new Shard(2, 3), "main", sample(5, 1.0, 503, 500), h);
        assertThat(line).startsWith("APITUNE INTERVAL shard=2/3 run=main second=4 ms=1000 ok=500 ko=3 latency=");
        IntervalFrames.Interval back = IntervalFrames.parse(line + "\r");
        assertThat(back.shard()).isEqualTo(2);
        assertThat(back.second()).isEqualTo(4);
        assertThat(back.okLatency()).isEqualTo(h);
        assertThat(IntervalFrames.parse(line.substring(0, line.length() - 8) + "!!!!!!!!")).isNull();
        assertThat(IntervalFrames.parse(line.replace("shard=2/3", "shard=3/3"))).isNull();
        assertThat(IntervalFrames.parse("12:00 some other line")).isNull();
    }

    @Test
    void theMergedPercentilesAreThoseOfTheAddedHistograms() {
        List<Histogram> shards = List.of(histogram(1, 1_000, 1_000_000), histogram(2, 1_000, 3_000_000),
                histogram(3, 400, 40_000_000));
        Histogram added = Histograms.newHistogram();
        for (int i = 0; i < 3; i++) {
            added.add(shards.get(i));
            progress.accept(line(i, 0, shards.get(i), 2), i * 10L);
            if (i < 2) {
                assertThat(text.toString()).as("waits for every shard").isEmpty();
            }
        }
        String expected = String.format(Locale.ROOT,
                "live main second 0: 3/3 shards, 2406 req/s, p50 %.3f ms, p99 %.3f ms, 6 errors%n",
                added.getValueAtPercentile(50) / 1e6, added.getValueAtPercentile(99) / 1e6);
        assertThat(text.toString()).isEqualTo(expected);
        // the percentiles of any one shard, or their mean, would differ from the merged ones
        assertThat(added.getValueAtPercentile(99)).isNotEqualTo(shards.get(0).getValueAtPercentile(99));
    }

    @Test
    void aMissingShardIsWaitedForTwoSecondsThenNamed() {
        progress.accept(line(0, 0, histogram(1, 10, 1_000_000), 0), 0);
        progress.accept(line(1, 0, histogram(2, 10, 1_000_000), 0), 0);
        progress.tick(2 * SECOND - 1);
        assertThat(text.toString()).isEmpty();
        progress.tick(2 * SECOND);
        assertThat(text.toString()).startsWith("live main second 0: 2/3 shards (missing 2), 20 req/s");
        // its line arriving after the second was printed is not counted twice
        progress.accept(line(2, 0, histogram(3, 10, 1_000_000), 0), 3 * SECOND);
        assertThat(progress.ignored()).isEqualTo(1);
        assertThat(progress.printed()).isEqualTo(1);

        // a shard whose log ended is no longer waited for
        progress.closed(2, 3 * SECOND);
        progress.accept(line(0, 1, histogram(4, 10, 1_000_000), 0), 3 * SECOND);
        progress.accept(line(1, 1, histogram(5, 10, 1_000_000), 0), 3 * SECOND);
        assertThat(text.toString()).contains("live main second 1: 2/3 shards (missing 2), 20 req/s");
    }

    @Test
    void outOfOrderLinesAreMergedAndPrintedInOrder() {
        Histogram a = histogram(1, 100, 5_000_000);
        Histogram b = histogram(2, 100, 1_000_000);
        // shard 1 is ahead: its seconds 1 and 2 arrive before shard 0's second 1
        for (int shard = 0; shard < 3; shard++) {
            progress.accept(line(shard, 0, a, 0), 0);
        }
        progress.accept(line(1, 2, b, 0), 10);
        progress.accept(line(1, 1, a, 0), 20);
        progress.accept(line(2, 2, b, 0), 30);
        progress.accept(line(0, 2, b, 0), 40);
        assertThat(lines()).hasSize(1);
        progress.accept(line(2, 1, a, 0), 50);
        progress.accept(line(1, 1, a, 0), 60); // a repeat (a log read again) is not added twice
        assertThat(lines()).hasSize(1);
        progress.accept(line(0, 1, a, 0), 70);
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(1)).startsWith("live main second 1: 3/3 shards, 300 req/s, p50 "
                + String.format(Locale.ROOT, "%.3f", a.getValueAtPercentile(50) / 1e6));
        assertThat(lines().get(2)).startsWith("live main second 2: 3/3 shards, 300 req/s");
        assertThat(progress.ignored()).isEqualTo(1);

        // a second still gathering when the shards end is printed by finish, lacking what it lacks
        progress.accept(line(0, 3, b, 0), 80);
        progress.finish();
        assertThat(lines().get(3)).startsWith("live main second 3: 1/3 shards (missing 1, 2), 100 req/s");
    }

    private List<String> lines() {
        return text.toString().lines().toList();
    }

    private static String line(int shard, int second, Histogram latency, long ko) {
        return IntervalFrames.format(new Shard(shard, 3), "main",
                sample(second + 1, 1.0, latency.getTotalCount() + ko, latency.getTotalCount()), latency);
    }

    private static IntervalSample sample(double elapsed, double length, long requests, long ok) {
        return new IntervalSample(elapsed, length, requests, requests, ok, ok, ErrorCounts.NONE,
                ErrorCounts.NONE, 0, 0, 0, 0, 0, null, null);
    }

    /** {@code count} values spread around {@code centreNanos}. */
    private static Histogram histogram(long seed, int count, long centreNanos) {
        SplittableRandom random = new SplittableRandom(seed);
        Histogram h = Histograms.newHistogram();
        for (int i = 0; i < count; i++) {
            h.recordValue(centreNanos / 2 + random.nextLong(centreNanos));
        }
        return h;
    }
}
