package io.apitune.k8s;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.apitune.ApituneException;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Runs a {@link ShardJob} through the Kubernetes API: creates its ConfigMap and Indexed Job,
 * follows the Job's pods (selected by {@link ShardJob#LABEL}, indexed by
 * {@link ShardJob#INDEX_ANNOTATION}) until every index has a pod that ended or the timeout
 * passed, prints live merged progress from the running pods' logs ({@link LogFollowers},
 * {@link LiveProgress}), reads each finished pod's log, and deletes what it created.
 *
 * <p>Thread model: {@link #create()} and {@link #await()} run on one caller thread (the logs
 * are followed on daemon threads that {@link #await()} starts and closes);
 * {@link #delete()} is idempotent and may also run on a signal or shutdown-hook thread.
 */
public final class ShardCoordinator {
    /** How long a second of live progress waits for its missing shards. */
    private static final Duration LATE = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final ShardJob job;
    private final long timeoutNanos;
    private final long pollMillis;
    private final PrintWriter progress;
    private final AtomicBoolean mapCreated = new AtomicBoolean();
    private final AtomicBoolean jobCreated = new AtomicBoolean();
    private final AtomicBoolean deleted = new AtomicBoolean();

    /** One shard as the coordinator saw it: its pod, and its log or why it has none. */
    public record ShardLog(int index, String pod, String log, String failure) {
    }

    /**
     * @param timeout  how long to wait for every pod to end, from {@link #await()}
     * @param poll     how often the pods are listed
     * @param progress where pod state changes are printed
     */
    public ShardCoordinator(KubernetesClient client, ShardJob job, Duration timeout, Duration poll,
            PrintWriter progress) {
        this.client = client;
        this.job = job;
        this.timeoutNanos = timeout.toNanos();
        this.pollMillis = Math.max(1, poll.toMillis());
        this.progress = progress;
    }

    /** Creates the ConfigMap, then the Job; exit 3 when the API refuses either. */
    public void create() {
        try {
            client.configMaps().inNamespace(job.namespace()).resource(job.configMap()).create();
            mapCreated.set(true);
            client.batch().v1().jobs().inNamespace(job.namespace()).resource(job.job()).create();
            jobCreated.set(true);
        } catch (KubernetesClientException e) {
            throw ApituneException.targetFailure("kubernetes: cannot create ConfigMap and Job " + job.name()
                    + " in namespace " + job.namespace() + " at " + client.getMasterUrl() + ": " + describe(e), e);
        }
        progress.println("created ConfigMap and Job " + job.namespace() + "/" + job.name()
                + " (" + job.shards() + " shards, start at " + job.startAt() + ")");
        progress.flush();
    }

    /**
     * Waits until every shard's pod has ended (phase Succeeded or Failed) or the timeout passed,
     * then reads the logs of the pods that succeeded.
     *
     * @return one entry per shard index, in order
     * @throws InterruptedException when interrupted while waiting (Ctrl-C)
     */
    public List<ShardLog> await() throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        LiveProgress live = new LiveProgress(job.shards(), LATE, progress);
        Map<Integer, Pod> pods;
        try (LogFollowers followers = new LogFollowers(client, job.namespace(), live)) {
            pods = pods();
            String last = "";
            while (!allEnded(pods) && System.nanoTime() - deadline < 0) {
                last = report(pods, last);
                followers.update(pods);
                live.tick(System.nanoTime());
                Thread.sleep(pollMillis);
                pods = pods();
            }
            followers.update(pods);
            followers.finish(LATE);
            report(pods, last);
        }
        List<ShardLog> shards = new ArrayList<>();
        for (int index = 0; index < job.shards(); index++) {
            shards.add(shard(index, pods.get(index)));
        }
        return shards;
    }

    /**
     * Deletes what {@link #create()} created, once: the Job (with its pods) and the ConfigMap.
     * Failures are printed, not thrown.
     */
    public void delete() {
        if (!mapCreated.get() || !deleted.compareAndSet(false, true)) {
            return;
        }
        try {
            if (jobCreated.get()) {
                client.batch().v1().jobs().inNamespace(job.namespace()).withName(job.name())
                        .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            }
            client.configMaps().inNamespace(job.namespace()).withName(job.name()).delete();
            progress.println("deleted " + (jobCreated.get() ? "Job and " : "") + "ConfigMap "
                    + job.namespace() + "/" + job.name());
        } catch (KubernetesClientException e) {
            progress.println("kubernetes: could not delete Job/ConfigMap " + job.namespace() + "/"
                    + job.name() + " (delete them by hand): " + describe(e));
        }
        progress.flush();
    }

    /** The client's message with its causes' (its own is often only "An error has occurred."). */
    public static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String part = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            if (!text.toString().contains(part)) {
                text.append(": ").append(part);
            }
        }
        return text.toString();
    }

    private ShardLog shard(int index, Pod pod) {
        if (pod == null) {
            return new ShardLog(index, null, null, "no pod for index " + index);
        }
        String name = pod.getMetadata().getName();
        String phase = phase(pod);
        if (!"Succeeded".equals(phase)) {
            String why = "Failed".equals(phase) ? "pod failed" : "pod still " + phase + " at the timeout";
            String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
            return new ShardLog(index, name, null, why + (reason == null ? "" : " (" + reason + ")"));
        }
        try {
            String log = client.pods().inNamespace(job.namespace()).withName(name).getLog();
            return new ShardLog(index, name, log, null);
        } catch (KubernetesClientException e) {
            return new ShardLog(index, name, null, "cannot read its log: " + describe(e));
        }
    }

    private Map<Integer, Pod> pods() {
        Map<Integer, Pod> byIndex = new TreeMap<>();
        for (Pod pod : client.pods().inNamespace(job.namespace()).withLabel(ShardJob.LABEL, job.name())
                .list().getItems()) {
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            String index = annotations == null ? null : annotations.get(ShardJob.INDEX_ANNOTATION);
            if (index != null && index.matches("\\d{1,9}")) {
                // A replaced pod (eviction) leaves its predecessor listed: the one not failed wins.
                byIndex.merge(Integer.parseInt(index), pod, (a, b) -> "Failed".equals(phase(a)) ? b : a);
            }
        }
        return byIndex;
    }

    private boolean allEnded(Map<Integer, Pod> pods) {
        for (int index = 0; index < job.shards(); index++) {
            Pod pod = pods.get(index);
            if (pod == null || !ended(pod)) {
                return false;
            }
        }
        return true;
    }

    private String report(Map<Integer, Pod> pods, String last) {
        Map<String, Integer> phases = new TreeMap<>();
        for (int index = 0; index < job.shards(); index++) {
            Pod pod = pods.get(index);
            phases.merge(pod == null ? "NotCreated" : phase(pod), 1, Integer::sum);
        }
        String line = String.format(Locale.ROOT, "pods: %s", String.join(", ", phases.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList()));
        if (!line.equals(last)) {
            progress.println(line);
            progress.flush();
        }
        return line;
    }

    private static boolean ended(Pod pod) {
        String phase = phase(pod);
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String phase(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return phase == null ? "Pending" : phase;
    }
}
