package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.ApituneException;
import io.apitune.report.model.LatencySummary;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlogMergeTest {
    private static final long START_MS = 1_795_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void mergedPercentilesEqualOneHistogramThatRecordedEveryValue() throws IOException {
        Histogram oracle = ReportFixtures.histogram();
        Histogram serviceOracle = ReportFixtures.histogram();
        long[][] counts = new long[3][];
        long[] startOffsetsMs = {0, 370, 1620};
        List<Path> shards = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Path file = tmp.resolve("shard" + k + ".hlog");
            counts[k] = writeShard(file, START_MS + startOffsetsMs[k], 5, new Random(k), oracle, serviceOracle, 3);
            shards.add(file);
        }

        HlogMerge merge = HlogMerge.of(shards);

        assertSameDistribution(merge.total("latency"), oracle);
        assertSameDistribution(merge.total("service"), serviceOracle);
        // shard 2 starts 1.62 s later: its interval 0 lands on interval 2 of the common time base
        assertThat(merge.intervals("latency").get(2L).getTotalCount())
                .isEqualTo(counts[0][2] + counts[1][2] + counts[2][0]);
        assertThat(merge.intervals("latency").lastKey()).isEqualTo(6L);
    }

    @Test
    void mergedReportRoundTripsThroughItsOwnHlogAndJson() throws IOException {
        Histogram oracle = ReportFixtures.histogram();
        Histogram serviceOracle = ReportFixtures.histogram();
        Path a = tmp.resolve("a.hlog");
        Path b = tmp.resolve("b.hlog");
        writeShard(a, START_MS, 4, new Random(7), oracle, serviceOracle, 3);
        writeShard(b, START_MS + 250, 4, new Random(8), oracle, serviceOracle, 3);
        Path out = tmp.resolve("merged");

        JsonNode doc = Reports.MAPPER.valueToTree(MergedReport.write(List.of(a, b), out, "sharded"));

        assertThat(doc.path("results").path("latency")).isEqualTo(Reports.MAPPER.valueToTree(LatencySummary.of(oracle)));
        assertThat(doc.path("results").path("serviceTime"))
                .isEqualTo(Reports.MAPPER.valueToTree(LatencySummary.of(serviceOracle)));
        assertThat(Reports.MAPPER.readTree(out.resolve("report.json").toFile()))
                .isEqualTo(Reports.MAPPER.readTree(doc.toString()));
        assertSameDistribution(HlogFile.read(out.resolve("latency.hlog")).total("latency"), oracle);
        assertThat(doc.path("results").path("requests").asLong()).isEqualTo(oracle.getTotalCount());
        assertThat(doc.path("results").path("timeline")).hasSize(4);
        assertThat(doc.path("merged").path("errorsKnown").asBoolean()).isFalse();
        assertThat(doc.path("name").asText()).isEqualTo("sharded");
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void errorsComeFromReportsNextToTheLogs() throws IOException {
        var one = ReportFixtures.writeRun(tmp.resolve("one"), "one", 1, 2.0, 4, 100, 1, START_MS);
        var two = ReportFixtures.writeRun(tmp.resolve("two"), "two", 2, 2.0, 4, 100, 3, START_MS + 1000);

        JsonNode doc = Reports.MAPPER.valueToTree(MergedReport.write(List.of(one.dir().resolve("latency.hlog"),
                two.dir().resolve("latency.hlog")), tmp.resolve("out"), "merged"));

        JsonNode r = doc.path("results");
        assertThat(r.path("errors").path("timeout").asLong()).isEqualTo(10);
        assertThat(r.path("errors").path("status5xx").asLong()).isEqualTo(4);
        assertThat(r.path("requests").asLong()).isEqualTo(800 + 14);
        assertThat(r.path("timeline")).hasSize(5);
        // run two's stall (its second 3) is at second 4 of the common time base
        assertThat(r.path("timeline").get(4).path("errors").path("timeout").asLong()).isEqualTo(5);
        assertThat(r.path("timeline").get(4).path("requests").asLong()).isEqualTo(107);
        assertThat(doc.path("merged").path("errorsKnown").asBoolean()).isTrue();
    }

    @Test
    void differentHistogramConfigurationsAreRefused() throws IOException {
        Path a = tmp.resolve("a.hlog");
        Path b = tmp.resolve("b.hlog");
        writeShard(a, START_MS, 2, new Random(1), ReportFixtures.histogram(), ReportFixtures.histogram(), 3);
        writeShard(b, START_MS, 2, new Random(2), ReportFixtures.histogram(), ReportFixtures.histogram(), 2);

        assertThatThrownBy(() -> HlogMerge.of(List.of(a, b))).isInstanceOf(ApituneException.class)
                .hasMessageContaining("b.hlog: histogram configuration (lowest 1000, 2 digits)")
                .hasMessageContaining("not be lossless");
    }

    @Test
    void unreadableInputsAreInvalidInput() throws IOException {
        Path garbage = tmp.resolve("garbage.hlog");
        Files.writeString(garbage, "#[StartTime: 1.0]\nnot,a,histogram,line\n");
        assertThatThrownBy(() -> HlogMerge.of(List.of(tmp.resolve("missing.hlog"))))
                .hasMessageContaining("missing.hlog: no such .hlog file")
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
        assertThatThrownBy(() -> HlogMerge.of(List.of(garbage))).isInstanceOf(ApituneException.class)
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }

    /** Writes latency and service intervals with a random count each; records them into the oracles too. */
    private static long[] writeShard(Path file, long startMs, int intervals, Random random, Histogram oracle,
                                     Histogram serviceOracle, int digits) throws IOException {
        long[] counts = new long[intervals];
        try (PrintStream out = new PrintStream(Files.newOutputStream(file))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.outputLegend();
            for (int i = 0; i < intervals; i++) {
                Histogram latency = new Histogram(ReportFixtures.LOWEST_NANOS, ReportFixtures.HIGHEST_NANOS, digits);
                Histogram service = new Histogram(ReportFixtures.LOWEST_NANOS, ReportFixtures.HIGHEST_NANOS, digits);
                counts[i] = 50 + random.nextInt(500);
                for (int n = 0; n < counts[i]; n++) {
                    long nanos = (long) (1e6 * Math.exp(1.2 * random.nextGaussian()));
                    latency.recordValue(nanos + random.nextInt(3_000_000));
                    service.recordValue(nanos);
                }
                oracle.add(latency);
                serviceOracle.add(service);
                for (Histogram h : new Histogram[] {latency, service}) {
                    h.setTag(h == latency ? "latency" : "service");
                    h.setStartTimeStamp(startMs + i * 1000L);
                    h.setEndTimeStamp(startMs + (i + 1) * 1000L);
                    writer.outputIntervalHistogram(h); // absolute timestamps: base time 0
                }
            }
        }
        return counts;
    }

    static void assertSameDistribution(Histogram actual, Histogram expected) {
        assertThat(actual.getTotalCount()).isEqualTo(expected.getTotalCount());
        assertThat(actual.getMaxValue()).isEqualTo(expected.getMaxValue());
        assertThat(actual.getMinValue()).isEqualTo(expected.getMinValue());
        for (HistogramIterationValue v : expected.recordedValues()) {
            assertThat(actual.getCountAtValue(v.getValueIteratedTo())).as("count at %d", v.getValueIteratedTo())
                    .isEqualTo(v.getCountAtValueIteratedTo());
        }
        for (double p : new double[] {0, 50, 90, 99, 99.9, 99.99, 100}) {
            assertThat(actual.getValueAtPercentile(p)).as("p%s", p).isEqualTo(expected.getValueAtPercentile(p));
        }
    }
}
