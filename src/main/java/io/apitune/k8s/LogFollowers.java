package io.apitune.k8s;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.LogWatch;

/**
 * Follows the shards' pod logs while they run ({@code GET .../log?follow=true}, fabric8's
 * {@code watchLog}) and hands every line to {@link LiveProgress}. A pod's log is followed from
 * the moment the pod runs (or, when it ended before it was seen running, read once); a stream
 * that ends while its pod still runs (the API server dropped it) is opened again, and the lines
 * read twice are not counted twice.
 *
 * <p>Thread model: {@link #update} and {@link #close} are called by the coordinator's thread;
 * each followed log is read on a daemon thread of its own.
 */
final class LogFollowers implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final LiveProgress progress;
    private final Map<Integer, Follower> followers = new ConcurrentHashMap<>();

    private final class Follower implements Runnable {
        final int index;
        final String pod;
        volatile boolean done;
        volatile LogWatch watch;
        private final Thread thread;

        Follower(int index, String pod) {
            this.index = index;
            this.pod = pod;
            this.thread = new Thread(this, "apitune-log-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try (LogWatch opened = client.pods().inNamespace(namespace).withName(pod).watchLog();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(opened.getOutput(),
                            StandardCharsets.UTF_8))) {
                watch = opened;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    progress.accept(line, System.nanoTime());
                }
            } catch (IOException | KubernetesClientException e) {
                // The stream broke or could not open: the pod's phase decides whether to try again.
            } finally {
                done = true;
                if (followers.get(index) == this) {
                    progress.closed(index, System.nanoTime());
                }
            }
        }
    }

    LogFollowers(KubernetesClient client, String namespace, LiveProgress progress) {
        this.client = client;
        this.namespace = namespace;
        this.progress = progress;
    }

    /** Follows the logs of the pods (by shard index) that run or ended and are not followed yet. */
    void update(Map<Integer, Pod> pods) {
        for (Map.Entry<Integer, Pod> entry : pods.entrySet()) {
            String phase = entry.getValue().getStatus() == null ? null : entry.getValue().getStatus().getPhase();
            String name = entry.getValue().getMetadata().getName();
            Follower follower = followers.get(entry.getKey());
            boolean running = "Running".equals(phase);
            boolean ended = "Succeeded".equals(phase) || "Failed".equals(phase);
            boolean replaced = follower != null && !follower.pod.equals(name);
            if ((follower == null && (running || ended)) || replaced
                    || (follower != null && follower.done && running)) {
                start(entry.getKey(), name);
            }
        }
    }

    /** True while shard {@code index}'s log is being read. */
    boolean following(int index) {
        Follower follower = followers.get(index);
        return follower != null && !follower.done;
    }

    private void start(int index, String pod) {
        Follower follower = new Follower(index, pod);
        followers.put(index, follower);
        progress.reopened(index);
        follower.thread.start();
    }

    /**
     * Waits up to {@code grace} for the logs being read to end (the pods have ended, their last
     * lines are on the way), then closes those still open and prints what is still gathering.
     */
    void finish(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        for (Follower follower : followers.values()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                follower.thread.join(Math.max(1, left / 1_000_000));
            }
        }
        close();
        progress.finish();
    }

    /** Closes every log still open; idempotent. */
    @Override
    public void close() {
        for (Follower follower : followers.values()) {
            LogWatch watch = follower.watch;
            if (watch != null) {
                watch.close();
            }
            follower.thread.interrupt();
        }
    }
}
