package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --rounds} end to end against the in-process reference server: the balanced order,
 * one directory per round, the merged run (its histogram the sum of its rounds'), the ratio table,
 * gates on intervals with JUnit, and {@code report --compare} of two runs with rounds. About 15 s.
 */
class CompareRoundsIT {
    @TempDir
    Path tmp;

    @Test
    void comparesInInterleavedRoundsAndJudgesGatesOnIntervals() throws Exception {
        Path out = tmp.resolve("cmp");
        Path junit = tmp.resolve("gates.xml");
        // async waits 10 ms, blocking has 2 workers for 8 clients: 4 x the wait, every round
        Cli.Result r = Cli.run("compare", "--modes", "blocking,async", "--rounds", "4", "-c", "8",
                "--duration", "700ms", "--warmup", "700ms", "--backend-latency", "10ms", "--workers", "2",
                "-q", "--out", out.toString(), "--junit", junit.toString(),
                "--gate", "async.p50 <= 0.5 * blocking.p50", "--gate", "async.p50 >= 10 * blocking.p50");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("== compare: round 1/4: blocking, async",
                "== compare: round 2/4: async, blocking", "== compare: round 4/4: async, blocking",
                "async / blocking  p50", "median [95% interval] vs limit", "gates: 1 passed, 1 failed");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("rounds").asInt()).isEqualTo(4);
        assertThat(report.get("gates").get(0).get("outcome").asText()).isEqualTo("pass");
        assertThat(report.get("gates").get(0).get("interval").get("paired").asBoolean()).isTrue();
        assertThat(report.get("gates").get(0).get("interval").get("high").asDouble()).isLessThan(0.5);
        assertThat(report.get("ratios")).extracting(x -> x.get("metric").asText())
                .contains("throughput", "p50", "p99");

        JsonNode async = report.get("runs").get(1);
        assertThat(async.get("rounds")).hasSize(4);
        // the full warm-up once before the first round, then 0.25 s before every round
        assertThat(async.get("config").get("warmupSeconds").asDouble()).isEqualTo(0.7);
        assertThat(async.get("rounds")).allMatch(round -> round.get("warmupSeconds").asDouble() == 0.25);
        assertThat(r.out()).contains("== compare: warm-up: blocking 700ms, async 700ms");
        long roundRequests = 0;
        Histogram rounds = new Histogram(3);
        for (int i = 1; i <= 4; i++) {
            Path dir = out.resolve("async/round-0" + i);
            roundRequests += new ObjectMapper().readTree(dir.resolve("report.json").toFile())
                    .get("results").get("requests").asLong();
            rounds.add(total(dir.resolve("latency.hlog")));
        }
        assertThat(async.get("results").get("requests").asLong()).isEqualTo(roundRequests);
        Histogram merged = total(out.resolve("async/latency.hlog"));
        assertThat(merged.getTotalCount()).isEqualTo(rounds.getTotalCount());
        assertThat(merged.getValueAtPercentile(99)).isEqualTo(rounds.getValueAtPercentile(99));
        assertThat(Files.readString(out.resolve("async/report.html"))).contains("Rounds");
        assertThat(Files.readString(out.resolve("report.html"))).contains("Ratios over rounds");
        assertThat(Files.readString(junit)).contains("failures=\"1\"", "4 rounds paired");

        // a baseline with rounds: today's rounds against the stored ones, two distributions
        Path again = tmp.resolve("again");
        Cli.Result base = Cli.run("compare", "--modes", "async", "--rounds", "3", "-c", "8",
                "--duration", "500ms", "--warmup", "500ms", "--backend-latency", "10ms", "-q",
                "--out", again.toString(), "--baseline", out.resolve("report.json").toString(),
                "--gate", "p50 <= baseline * 2");
        assertThat(base.exitCode()).as(base.out() + base.err()).isZero();
        JsonNode gate = new ObjectMapper().readTree(again.resolve("report.json").toFile()).get("gates").get(0);
        assertThat(gate.get("interval").get("paired").asBoolean()).isFalse();
        assertThat(gate.get("interval").get("rounds").asInt()).isEqualTo(3);

        Cli.Result cmp = Cli.run("report", "--compare", out.resolve("blocking").toString(),
                out.resolve("async").toString(), "--out", tmp.resolve("a-vs-b").toString());
        assertThat(cmp.exitCode()).as(cmp.out() + cmp.err()).isZero();
        assertThat(cmp.out()).contains("B / A", "95% interval", "4 (independent)");
    }

    private static Histogram total(Path hlog) throws Exception {
        Histogram total = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            while (reader.hasNext()) {
                Histogram h = (Histogram) reader.nextIntervalHistogram();
                if ("latency".equals(h.getTag())) {
                    total.add(h);
                }
            }
        }
        return total;
    }
}
