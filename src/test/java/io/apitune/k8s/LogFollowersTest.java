package io.apitune.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.apitune.load.ErrorCounts;
import io.apitune.load.IntervalSample;
import io.apitune.load.Shard;
import io.apitune.metrics.Histograms;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A running pod's log is followed through the API ({@code follow=true}); a stream that ends while
 * the pod still runs is opened again and its lines are not counted twice; an ended pod's log is
 * not opened again.
 */
@EnableKubernetesMockClient
class LogFollowersTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void aDroppedStreamOfARunningPodIsReopenedAndItsLinesCountedOnce() throws Exception {
        Histogram h = Histograms.newHistogram();
        h.recordValue(2_000_000);
        String log = "starting\n" + line(1, h) + "\n" + line(2, h) + "\n";
        server.expect().get().withPath("/api/v1/namespaces/load/pods/p-0/log?pretty=false&follow=true")
                .andReturn(200, log).always();
        StringWriter text = new StringWriter();
        LiveProgress progress = new LiveProgress(1, Duration.ofSeconds(2), new PrintWriter(text));
        try (LogFollowers followers = new LogFollowers(client, "load", progress)) {
            followers.update(Map.of(0, pod("Pending")));
            assertThat(server.getRequestCount()).as("a pending pod has no log yet").isZero();

            followers.update(Map.of(0, pod("Running")));
            waitFor(() -> progress.printed() == 2);
            assertThat(text.toString()).contains(String.format(java.util.Locale.ROOT,
                    "live main second 0: 1/1 shards, 1 req/s, p50 %.3f ms", h.getValueAtPercentile(50) / 1e6))
                    .contains("live main second 1: 1/1 shards");

            waitFor(() -> !followers.following(0));
            int once = server.getRequestCount(); // the client may also GET the pod before its log
            followers.update(Map.of(0, pod("Running"))); // the stream ended, the pod runs: again
            waitFor(() -> progress.ignored() == 2);
            assertThat(progress.printed()).isEqualTo(2);
            waitFor(() -> !followers.following(0));
            int twice = server.getRequestCount();
            assertThat(twice).isGreaterThan(once);

            followers.update(Map.of(0, pod("Succeeded"))); // ended and read: not again
            followers.finish(Duration.ofSeconds(1));
            assertThat(server.getRequestCount()).isEqualTo(twice);
        }
    }

    private static Pod pod(String phase) {
        return new PodBuilder().withNewMetadata().withName("p-0").withNamespace("load").endMetadata()
                .withNewStatus().withPhase(phase).endStatus().build();
    }

    private static String line(int elapsed, Histogram h) {
        return IntervalFrames.format(new Shard(0, 1), "main", new IntervalSample(elapsed, 1.0, 1, 1, 1, 1,
                ErrorCounts.NONE, ErrorCounts.NONE, 0, 0, 0, 0, 0, null, null), h);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
