package io.apitune.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;
import io.apitune.gate.GateCheck;
import io.apitune.k8s.ShardCoordinator;
import io.apitune.k8s.ShardJob;
import io.apitune.k8s.ShardResults;
import io.apitune.metrics.Percentile;
import io.apitune.report.ReportDirectory;
import io.apitune.report.model.MergeInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.run.RunPlan;
import io.apitune.run.Setting;
import io.apitune.scenario.ScenarioParser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code apitune k8s run FILE --shards N}: runs a scenario as N shards on Kubernetes (the
 * ConfigMap and Indexed Job of {@code k8s manifest}), waits for the pods, reads their framed
 * results from the pod logs, merges them exactly, judges the gates, and deletes the Job and
 * ConfigMap (on success, failure and Ctrl-C) unless {@code --keep}.
 *
 * <p>Runs on the picocli thread; Ctrl-C deletes the objects on the signal thread and interrupts
 * the wait.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario file as N shards on Kubernetes with the user's kubeconfig: create "
                + "the ConfigMap and Indexed Job that 'k8s manifest' prints, follow the pods, read each "
                + "shard's results framed in its pod log, merge them exactly into DIR/<run>/ and "
                + "evaluate the gates of the file and of --gate on the merged result.",
            "While the shards run, their followed logs give one line per second: the shards that "
                + "reported it (k/N), the merged req/s, the exact merged p50/p99 (added histograms) "
                + "and the errors; a second waits at most 2 s for a missing shard, then names it.",
            "A shard whose pod failed, was never created, did not end before --timeout or framed no "
                + "results is named in merged.shardsMissing; the result is then partial and the exit "
                + "code 5 (1 if a gate failed anyway). Exit 3 when the API refuses the objects or no "
                + "shard returned results.",
            "The Job and ConfigMap are deleted at the end, on failure and on Ctrl-C, unless --keep."})
final class K8sRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ShardJobOptions jobOptions;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION",
            description = "How long to wait for every pod to end; pods still running then are "
                    + "missing shards (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--keep", description = "Keep the Job, its pods and the ConfigMap (for kubectl logs).")
    boolean keep;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Report directory, new or empty: DIR/<run>/ merged, DIR/shards/<I>/<run>/ "
                    + "each shard's (default: reports/<yyyyMMdd-HHmmss>-<name>).")
    Path out;

    @Mixin
    GateOptions gates;

    @Override
    public Integer call() throws Exception {
        RunPlan plan = ScenarioParser.parse(jobOptions.file);
        GateCheck gateCheck = gates.check(plan.gates(), plan.requestNames());
        Duration wait = Setting.flag("--timeout", timeout).positiveDuration();
        ShardJob offline = jobOptions.job("default");
        Path dir = ReportDirectory.choose(out, plan.name());
        PrintWriter stdout = spec.commandLine().getOut();
        List<ShardCoordinator.ShardLog> logs;
        try (KubernetesClient client = new KubernetesClientBuilder().build()) {
            ShardJob job = jobOptions.namespace != null || client.getNamespace() == null ? offline
                    : offline.inNamespace(client.getNamespace());
            ShardCoordinator coordinator = new ShardCoordinator(client, job, wait, Duration.ofSeconds(1), stdout);
            Thread caller = Thread.currentThread();
            try (StopSignals signals = StopSignals.install(() -> {
                cleanUp(coordinator);
                caller.interrupt();
            })) {
                signals.onExit(() -> cleanUp(coordinator));
                coordinator.create();
                logs = coordinator.await();
            } catch (InterruptedException e) {
                throw new ApituneException(ExitCodes.TARGET_FAILURE, "interrupted before the shards ended"
                        + (keep ? "; kept Job and ConfigMap " + job.namespace() + "/" + job.name() : ""), e);
            } finally {
                cleanUp(coordinator);
            }
        } catch (KubernetesClientException e) {
            throw ApituneException.targetFailure("kubernetes: " + ShardCoordinator.describe(e), e);
        }
        return judge(ShardResults.merge(logs, dir), gateCheck, dir, stdout);
    }

    private void cleanUp(ShardCoordinator coordinator) {
        if (!keep) {
            coordinator.delete();
        }
    }

    private static int judge(Map<String, RunReport> runs, GateCheck gateCheck, Path dir, PrintWriter out) {
        boolean failed = false;
        boolean undecided = false;
        for (RunReport merged : runs.values()) {
            Results r = merged.results();
            MergeInfo info = merged.merged();
            out.printf(Locale.ROOT, "run %s: shards %s: %d requests in %.0f s, latency p50 %.3f ms, "
                            + "p99 %.3f ms, max %.3f ms%n", merged.name(), ReportMergeCommand.shards(info),
                    r.requests(), r.durationSeconds(), r.latency().percentileMs(Percentile.P50),
                    r.latency().percentileMs(Percentile.P99), r.latency().maxMs());
            if (r.limited()) {
                out.println("WARNING: the load generator limited a shard: " + r.generator().reason());
            }
            int exit = GateOptions.evaluateRun(gateCheck, merged, out);
            failed |= exit == ExitCodes.GATE_FAILED;
            undecided |= exit == ExitCodes.INCONCLUSIVE || info.partial();
        }
        out.println("wrote " + dir.toAbsolutePath());
        out.flush();
        return failed ? ExitCodes.GATE_FAILED : undecided ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }
}
