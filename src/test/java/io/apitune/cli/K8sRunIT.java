package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.apitune.k8s.IntervalFrames;
import io.apitune.k8s.ShardJob;
import io.apitune.load.TestServer;
import io.apitune.report.Reports;
import io.apitune.report.model.RunReport;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apitune k8s run} against fabric8's mock Kubernetes API in CRUD mode (no real cluster is
 * reachable here). The pod logs it reads are real: two shards of a scenario run in-process
 * against a loopback target with {@code run --shard I/2 --print-results}, their stdout served as
 * the pods' logs; the test plays the Job controller (creates the indexed pods, moves their
 * phases). Checks the objects created, the merged result and gates, a failed pod as a partial
 * result (exit 5, named), a pod not ended at --timeout likewise, clean-up, --keep, and an
 * interrupted wait that still cleans up.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class K8sRunIT {
    private static final String NS = "load";
    private static final int SHARDS = 2;

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static Path scenario;
    private static final List<String> LOGS = new ArrayList<>();
    private static long shardRequests;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    /** Runs the two real shards once; their stdout is what the pods would log. */
    @BeforeAll
    static void runShards() throws Exception {
        Instant startAt = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        try (TestServer target = TestServer.start(0)) {
            scenario = shared.resolve("k8s.yaml");
            Files.writeString(scenario, "name: k8s\nruns: [{name: main, url: \"" + target.url("/item/{key}")
                    + "\", rate: 200, duration: 2s, warmup: 0s, connections: 4, keys: 10}]\n");
            ExecutorService shards = Executors.newFixedThreadPool(SHARDS);
            List<Future<Cli.Result>> running = new ArrayList<>();
            for (int i = 0; i < SHARDS; i++) {
                String[] args = {"run", scenario.toString(), "--shard", i + "/" + SHARDS, "--start-at",
                    startAt.toString(), "-q", "--print-intervals", "--print-results", "-o", shared.resolve("s" + i).toString()};
                running.add(shards.submit(() -> Cli.run(args)));
            }
            for (Future<Cli.Result> f : running) {
                Cli.Result r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.exitCode()).as(r.err()).isZero();
                assertThat(r.out()).contains("----- BEGIN APITUNE RESULT shard=").contains("file=latency.hlog")
                        .contains("APITUNE INTERVAL shard=");
                LOGS.add(r.out());
            }
            shards.shutdownNow();
            for (int i = 0; i < SHARDS; i++) {
                shardRequests += Reports.readRun(Reports.file(shared.resolve("s" + i).resolve("main")))
                        .results().requests();
            }
        }
    }

    @BeforeEach
    void pointTheClientAtTheMock() {
        System.setProperty("kubernetes.master", client.getMasterUrl().toString());
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterEach
    void restore() {
        System.clearProperty("kubernetes.master");
        System.clearProperty("kubernetes.auth.tryKubeConfig");
        System.clearProperty("kubernetes.auth.tryServiceAccount");
        pool.shutdownNow();
    }

    @Test
    void createsFollowsReadsMergesGatesAndCleansUp() throws Exception {
        AtomicReference<Job> job = new AtomicReference<>();
        AtomicReference<ConfigMap> map = new AtomicReference<>();
        playJobController("ok", List.of("Succeeded", "Succeeded"), job, map);
        Cli.Result r = k8sRun("ok", "--gate", "p99 < 10s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("created ConfigMap and Job load/ok").contains("pods: 2 Running")
                .contains("pods: 2 Succeeded").contains("shards 2 of 2").contains("deleted Job and ConfigMap load/ok");

        // The objects are those of 'k8s manifest': scenario in the ConfigMap, Indexed Job of 2.
        assertThat(map.get().getData()).containsEntry("k8s.yaml", Files.readString(scenario));
        assertThat(job.get().getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.get().getSpec().getCompletions()).isEqualTo(SHARDS);
        assertThat(job.get().getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                .contains("--print-results", "$(SHARD_INDEX)/2");
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("ok").get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName("ok").get()).isNull();

        RunReport merged = Reports.readRun(Reports.file(tmp.resolve("ok/main")));
        assertThat(merged.results().requests()).isEqualTo(shardRequests).isEqualTo(400);
        assertThat(merged.merged().shards()).isEqualTo(SHARDS);
        assertThat(merged.partial()).isFalse();
        // live progress: each second merged across both shards, its p99 that of the added histograms
        for (int second = 0; second < 2; second++) {
            assertThat(r.out()).contains(String.format(java.util.Locale.ROOT,
                    "live main second %d: 2/2 shards, %.0f req/s, p50 %.3f ms, p99 %.3f ms, 0 errors",
                    second, requestsIn(second), added(second).getValueAtPercentile(50) / 1e6,
                    added(second).getValueAtPercentile(99) / 1e6));
        }

        playJobController("fail", List.of("Succeeded", "Succeeded"), null, null);
        Cli.Result fail = k8sRun("fail", "--gate", "p99 < 1us");
        assertThat(fail.exitCode()).as(fail.out()).isEqualTo(merged.results().limited() ? 5 : 1);
    }

    @Test
    void aFailedPodIsAMissingShardNamedAndTheResultPartial() throws Exception {
        // shard 1 fails after its first second: live progress names it missing from then on
        String cut = LOGS.get(1).substring(0, LOGS.get(1).indexOf("APITUNE INTERVAL shard=1/2 run=main second=1"));
        playJobController("part", List.of("Succeeded", "Failed"), List.of(LOGS.get(0), cut), null, null);
        Cli.Result r = k8sRun("part", "--gate", "p99 < 10s");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.out()).contains("live main second 0: 2/2 shards")
                .contains("live main second 1: 1/2 shards (missing 1)")
                .contains("shards 1 of 2 (PARTIAL: missing pod part-1 (pod failed")
                .contains("deleted Job and ConfigMap");
        RunReport merged = Reports.readRun(Reports.file(tmp.resolve("part/main")));
        assertThat(merged.partial()).isTrue();
        assertThat(merged.merged().shardsMissing()).singleElement()
                .satisfies(m -> assertThat(m.name()).isEqualTo("pod part-1"));
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("part").get()).isNull();

        playJobController("late", List.of("Succeeded", "Running"), null, null);
        Cli.Result late = k8sRun("late", "--timeout", "4s");
        assertThat(late.exitCode()).as(late.out() + late.err()).isEqualTo(5);
        assertThat(late.out()).contains("missing pod late-1 (pod still Running at the timeout)")
                .contains("deleted Job and ConfigMap load/late");
    }

    @Test
    void keepLeavesTheObjectsAndAnInterruptedWaitStillCleansUp() throws Exception {
        playJobController("kept", List.of("Succeeded", "Succeeded"), null, null);
        assertThat(k8sRun("kept", "--keep").exitCode()).isZero();
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("kept").get()).isNotNull();
        assertThat(client.configMaps().inNamespace(NS).withName("kept").get()).isNotNull();
        // A second run of the same name is refused by the API, and deletes nothing it did not create.
        Cli.Result again = k8sRun("kept");
        assertThat(again.exitCode()).as(again.out() + again.err()).isEqualTo(3);
        assertThat(again.err()).contains("cannot create ConfigMap and Job kept in namespace load");
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("kept").get()).isNotNull();

        playJobController("stop", List.of("Running", "Running"), null, null);
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<Cli.Result> running = pool.submit(() -> {
            runner.set(Thread.currentThread());
            return k8sRun("stop");
        });
        waitFor(() -> client.batch().v1().jobs().inNamespace(NS).withName("stop").get() != null);
        Thread.sleep(1_500);
        runner.get().interrupt();
        Cli.Result r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("interrupted before the shards ended");
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("stop").get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName("stop").get()).isNull();
    }

    @Test
    void theFeederAndBodyFilesTravelInTheConfigMapMountedAtTheirPaths() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("fed"));
        Path fed = io.apitune.k8s.ScenarioFilesTestAccess.scenario(dir);
        Cli.Result r = Cli.run("k8s", "run", fed.toString(), "--shards", "2", "--namespace", NS, "--name", "fed",
                "--image", "apitune:test", "--keep", "--timeout", "1s", "-o", tmp.resolve("fed-out").toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).contains("no shard returned results");
        ConfigMap map = client.configMaps().inNamespace(NS).withName("fed").get();
        assertThat(map.getData()).containsEntry("fed.yaml", Files.readString(fed))
                .containsEntry("file-1-items.csv", Files.readString(dir.resolve("data/items.csv")));
        assertThat(map.getBinaryData()).containsKey("file-2-body.bin");
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("fed").get();
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getItems())
                .extracting(io.fabric8.kubernetes.api.model.KeyToPath::getPath)
                .containsExactly("fed.yaml", "data/items.csv", "body.bin");
        assertThat(job.getSpec().getBackoffLimitPerIndex()).isZero();
        assertThat(job.getSpec().getMaxFailedIndexes()).isEqualTo(2);

        // more than a ConfigMap carries: one line, exit 2, nothing created
        Files.write(dir.resolve("data/items.csv"), ("id,name\n" + "1,x\n".repeat(250_000)).getBytes());
        Cli.Result big = Cli.run("k8s", "run", fed.toString(), "--shards", "2", "--namespace", NS, "--name",
                "big", "--image", "apitune:test", "-o", tmp.resolve("big-out").toString());
        assertThat(big.exitCode()).as(big.out() + big.err()).isEqualTo(2);
        assertThat(big.err().strip()).startsWith("apitune: fed.yaml and the 2 files it names weigh")
                .contains("more than the 900 KiB a ConfigMap carries").doesNotContain("\n");
        assertThat(client.configMaps().inNamespace(NS).withName("big").get()).isNull();
    }

    /** The shards' interval histograms of {@code second}, added. */
    private static org.HdrHistogram.Histogram added(int second) {
        org.HdrHistogram.Histogram sum = io.apitune.metrics.Histograms.newHistogram();
        intervals(second).forEach(i -> sum.add(i.okLatency()));
        return sum;
    }

    private static double requestsIn(int second) {
        return intervals(second).stream().mapToDouble(i -> (i.ok() + i.ko()) * 1000.0 / i.millis()).sum();
    }

    private static List<IntervalFrames.Interval> intervals(int second) {
        return LOGS.stream().flatMap(String::lines).map(IntervalFrames::parse)
                .filter(i -> i != null && i.second() == second).toList();
    }

    private Cli.Result k8sRun(String name, String... more) {
        Path out = Files.exists(tmp.resolve(name)) ? tmp.resolve(name + "-again") : tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("k8s", "run", scenario.toString(), "--shards",
                String.valueOf(SHARDS), "--namespace", NS, "--name", name, "--image", "apitune:test",
                "-o", out.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--timeout")) {
            args.addAll(List.of("--timeout", "20s"));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    /**
     * Plays the Job controller for Job {@code name}: once the Job exists, creates its indexed
     * pods Running, serves their logs, and after a second moves them to {@code finalPhases}.
     */
    private void playJobController(String name, List<String> finalPhases, AtomicReference<Job> job,
            AtomicReference<ConfigMap> map) {
        playJobController(name, finalPhases, LOGS, job, map);
    }

    /** As above, the pods' followed logs ({@code follow=true}) being {@code followed}. */
    private void playJobController(String name, List<String> finalPhases, List<String> followed,
            AtomicReference<Job> job, AtomicReference<ConfigMap> map) {
        for (int i = 0; i < SHARDS; i++) {
            String log = "/api/v1/namespaces/" + NS + "/pods/" + name + "-" + i + "/log?pretty=false";
            server.expect().get().withPath(log).andReturn(200, LOGS.get(i)).always();
            server.expect().get().withPath(log + "&follow=true").andReturn(200, followed.get(i)).always();
        }
        CompletableFuture.runAsync(() -> {
            waitFor(() -> client.batch().v1().jobs().inNamespace(NS).withName(name).get() != null);
            if (job != null) {
                job.set(client.batch().v1().jobs().inNamespace(NS).withName(name).get());
                map.set(client.configMaps().inNamespace(NS).withName(name).get());
            }
            for (int i = 0; i < SHARDS; i++) {
                setPhase(name, i, "Running");
            }
            sleep(1_500);
            for (int i = 0; i < SHARDS; i++) {
                setPhase(name, i, finalPhases.get(i));
            }
        }, pool);
    }

    private static void setPhase(String job, int index, String phase) {
        var pod = new PodBuilder().withNewMetadata().withName(job + "-" + index).withNamespace(NS)
                .addToLabels(ShardJob.LABEL, job)
                .addToAnnotations(ShardJob.INDEX_ANNOTATION, String.valueOf(index)).endMetadata()
                .withNewStatus().withPhase(phase).endStatus().build();
        client.pods().inNamespace(NS).resource(pod).createOr(existing -> existing.update());
        client.pods().inNamespace(NS).withName(job + "-" + index).editStatus(p -> new PodBuilder(p)
                .editOrNewStatus().withPhase(phase).endStatus().build());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
