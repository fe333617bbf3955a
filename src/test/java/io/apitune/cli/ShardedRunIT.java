package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.load.TestServer;
import io.apitune.metrics.IntervalLog;
import io.apitune.report.HlogMerge;
import io.apitune.report.Reports;
import io.apitune.report.model.RunReport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three shards of one open-model run (3 x 1000/s = 3000/s for 6 s) against one loopback target,
 * each a separate {@code bench --shard I/3 --start-at T}, merged with {@code report merge}: the
 * merged count is the single-machine schedule's, the merged percentiles are those of the added
 * histograms, gates are decided on the merged result, a 1 s stall that hits all shards at once
 * shows in the merged latency (coordinated omission), a missing shard makes the result partial
 * (exit 5) and a limited shard makes the merged run limited.
 */
class ShardedRunIT {
    private static final int SHARDS = 3;
    private static final int RATE = 3_000;
    private static final int SECONDS = 6;

    @TempDir
    Path tmp;

    @Test
    void shardsMergeIntoTheSingleMachineRun() throws Exception {
        Instant startAt = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        try (TestServer server = TestServer.start(0).stallAt(startAt.plusSeconds(2), 1_000)) {
            List<Cli.Result> shards = runShards(server.url("/item/{key}"), startAt);
            List<Path> hlogs = new ArrayList<>();
            long sum = 0;
            Histogram added = null;
            for (int i = 0; i < SHARDS; i++) {
                assertThat(shards.get(i).exitCode()).as(shards.get(i).err()).isZero();
                assertThat(shards.get(i).out()).contains("gates not evaluated on one shard");
                Path dir = tmp.resolve("shard" + i);
                RunReport report = Reports.readRun(Reports.file(dir));
                assertThat(report.shard().label()).isEqualTo(i + "/" + SHARDS);
                assertThat(report.shard().startAt()).isEqualTo(startAt.toString());
                assertThat(report.startTime()).isEqualTo(startAt.toString());
                sum += report.results().requests();
                hlogs.add(dir.resolve("latency.hlog"));
                Histogram own = HlogMerge.of(List.of(dir.resolve("latency.hlog"))).total(IntervalLog.TAG_LATENCY);
                assertThat(own.getTotalCount()).isEqualTo(report.results().latency().count());
                if (added == null) {
                    added = own.copy();
                } else {
                    added.add(own);
                }
            }
            // Every intended send time of [T, T + 6 s) at 3000/s, each on exactly one shard.
            assertThat(sum).isEqualTo((long) RATE * SECONDS);

            Cli.Result pass = merge(hlogs, "merged", "p99 < 10s");
            assertThat(pass.exitCode()).as(pass.out() + pass.err()).isZero();
            assertThat(pass.out()).contains("shards: 3 of 3");
            RunReport merged = Reports.readRun(Reports.file(tmp.resolve("merged")));
            assertThat(merged.results().requests()).isEqualTo(sum);
            assertThat(merged.merged().shards()).isEqualTo(SHARDS);
            assertThat(merged.partial()).isFalse();
            assertThat(merged.results().latency().count()).isEqualTo(added.getTotalCount());
            assertThat(merged.results().latency().maxMs())
                    .isCloseTo(added.getMaxValue() / 1e6, org.assertj.core.data.Offset.offset(1e-6));
            Histogram fromMergedLog = HlogMerge.of(List.of(tmp.resolve("merged/latency.hlog")))
                    .total(IntervalLog.TAG_LATENCY);
            for (double p : new double[] {50, 90, 99, 99.9}) {
                assertThat(fromMergedLog.getValueAtPercentile(p)).isEqualTo(added.getValueAtPercentile(p));
            }
            // The stall held every shard's requests for 1 s of 6: the top 1 % waited ~0.9 s or
            // more (intended-time latency), whichever shard sent them. Only lower bounds: a busy
            // machine adds its own delay on top.
            assertThat(added.getValueAtPercentile(99) / 1e6).isGreaterThan(800.0);
            assertThat(added.getMaxValue() / 1e6).isGreaterThan(950.0);

            // Failed, or inconclusive when a shard's generator was limited (a busy machine).
            Cli.Result fail = merge(hlogs, "merged-fail", "p99 < 100ms");
            assertThat(fail.exitCode()).as(fail.out()).isEqualTo(merged.results().limited() ? 5 : 1);

            Cli.Result partial = merge(hlogs.subList(0, 2), "partial", "p99 < 10s");
            assertThat(partial.exitCode()).as(partial.out()).isEqualTo(5);
            assertThat(partial.out()).contains("shards: 2 of 3 (PARTIAL: missing shard 2/3");
            assertThat(Reports.readRun(Reports.file(tmp.resolve("partial"))).merged()
                    .shardsMissing()).hasSize(1);

            markLimited(tmp.resolve("shard1"));
            Cli.Result limited = merge(hlogs, "limited", "p99 < 100ms");
            assertThat(Reports.readRun(Reports.file(tmp.resolve("limited"))).results().limited()).isTrue();
            assertThat(limited.out()).contains("WARNING: the load generator limited a shard");
            assertThat(limited.exitCode()).as(limited.out()).isEqualTo(5);
        }
    }

    private List<Cli.Result> runShards(String url, Instant startAt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SHARDS);
        try {
            List<Future<Cli.Result>> running = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) {
                String[] args = {"bench", "--url", url, "--rate", String.valueOf(RATE),
                    "--duration", SECONDS + "s", "--warmup", "1s", "--connections", "12", "--keys", "30",
                    "--timeout", "5s", "--shard", i + "/" + SHARDS, "--start-at", startAt.toString(),
                    "--gate", "p99 < 10s", "-q", "--out", tmp.resolve("shard" + i).toString()};
                running.add(pool.submit(() -> Cli.run(args)));
            }
            List<Cli.Result> results = new ArrayList<>();
            for (Future<Cli.Result> f : running) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Cli.Result merge(List<Path> hlogs, String name, String gate) {
        List<String> args = new ArrayList<>(List.of("report", "merge"));
        hlogs.forEach(h -> args.add(h.toString()));
        args.addAll(List.of("--out", tmp.resolve(name).toString(), "--name", name, "--gate", gate));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Rewrites a shard's report as if its generator had been limited (its own send lag). */
    private static void markLimited(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path file = Reports.file(dir);
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ObjectNode generator = (ObjectNode) root.path("results").path("generator");
        generator.put("limited", true);
        generator.putArray("causes").add("send-lag");
        generator.put("reason", "send lag p99 2.0 s (test)");
        Files.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
