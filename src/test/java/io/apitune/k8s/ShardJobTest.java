package io.apitune.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/**
 * The printed manifest reads back into the client's model classes as the objects built, and a
 * Kubernetes API (fabric8's mock server in CRUD mode; no real cluster is reachable here) accepts
 * and stores them.
 */
@EnableKubernetesMockClient(crud = true)
class ShardJobTest {
    KubernetesClient client;

    private static final ShardJob JOB = new ShardJob("ci-gate", "load", "registry/apitune:1", 3,
            Instant.parse("2026-11-28T10:15:00Z"), "ci.yaml", Map.of("ci.yaml", "name: ci\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    @Test
    void manifestIsAValidIndexedJobAndItsConfigMap() {
        String[] docs = JOB.yaml().split("(?m)^---\\s*$");
        ConfigMap map = Serialization.unmarshal(docs[1].trim(), ConfigMap.class);
        Job job = Serialization.unmarshal(docs[2].trim(), Job.class);
        assertThat(map).isEqualTo(JOB.configMap());
        assertThat(job).isEqualTo(JOB.job());
        assertThat(map.getData()).containsEntry("ci.yaml", "name: ci\n");
        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(3);
        assertThat(job.getSpec().getParallelism()).isEqualTo(3);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        // one pod per index, and a failed index does not fail the Job (Kubernetes 1.29+)
        assertThat(job.getSpec().getBackoffLimitPerIndex()).isZero();
        assertThat(job.getSpec().getMaxFailedIndexes()).isEqualTo(3);
        assertThat(job.getSpec().getBackoffLimit()).isNull();
        var container = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getArgs()).containsExactly("run", "/scenario/ci.yaml", "--shard",
                "$(SHARD_INDEX)/3", "--start-at", "2026-11-28T10:15:00Z", "--quiet", "--print-intervals", "--print-results", "--out", "/tmp/apitune");
        assertThat(container.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName())
                .isEqualTo("ci-gate");
    }

    @Test
    void theApiServerStoresBothObjects() {
        client.resource(JOB.configMap()).create();
        client.resource(JOB.job()).create();
        Job stored = client.batch().v1().jobs().inNamespace("load").withName("ci-gate").get();
        assertThat(stored.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(client.configMaps().inNamespace("load").withLabel(ShardJob.LABEL, "ci-gate").list()
                .getItems()).hasSize(1);
    }
}
