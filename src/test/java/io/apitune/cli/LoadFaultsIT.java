package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.db.EmbeddedInstances;

/**
 * Faults of the target under load (issue 16), on the real jar: {@code serve} and {@code bench}
 * are subprocesses on loopback ports 18901-18903. The target is SIGKILLed mid-run, stopped
 * (SIGSTOP) for a while or past the run's end, and its database is killed mid-run. Each time
 * the run ends by itself within duration + timeout (+ slack), writes a valid report whose counts
 * add up, prints no stack trace (nor AsyncHttpClient's timer trace, item 8), and no apitune or
 * PostgreSQL process is left behind.
 */
class LoadFaultsIT {
    private static final String[] ERROR_KINDS = {"connect", "timeout", "status4xx", "status5xx",
        "check", "other"};
    /** JVM start, probe and report writing on a loaded 2-core machine, on top of the bound. */
    private static final long SLACK_SECONDS = 8;

    @TempDir
    Path state;
    @TempDir
    Path tmp;
    private final List<JarProcess> started = new ArrayList<>();

    @Test
    void targetKilledMidRunEndsOnTimeWithConnectErrorsCounted() throws Exception {
        JarProcess serve = serve(18901);
        long postmaster = postmasterPid();
        List<ProcessHandle> database = family(postmaster);
        JarProcess bench = bench("http://127.0.0.1:18901/async/item/{key}", 200, 4, 2, "killed");
        awaitRunSecond(bench);
        Thread.sleep(500);
        serve.process.destroyForcibly();
        assertThat(serve.awaitExit(30)).isEqualTo(137);
        awaitBenchExit(bench, 3 + 2);

        JsonNode r = consistentReport("killed");
        assertThat(r.get("ok").asLong()).as("answers before the kill").isPositive();
        assertThat(r.at("/errors/connect").asLong() + r.at("/errors/other").asLong())
                .as("refused or reset after the kill").isPositive();
        assertThat(bench.out()).anyMatch(l -> l.contains("WARNING: ") && l.contains("% of the "
                + "requests failed, most of them connect"));
        assertThat(bench.err()).as("a second with no OK answer has no percentiles")
                .anyMatch(l -> l.matches("\\s+\\d+\\.\\ds .* 0\\.0 OK/s\\s+p50\\s+– ms .*"));

        // The killed serve's PostgreSQL lives on; stop it as the next serve's sweep would.
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
        ProcessHandle orphan = ProcessHandle.of(postmaster).orElseThrow();
        orphan.destroy();
        orphan.onExit().get(30, TimeUnit.SECONDS);
        assertNothingLeft(database);
    }

    @Test
    void targetStoppedMidRunShowsTheStallAndStoppedPastTheEndTimesOut() throws Exception {
        JarProcess serve = serve(18902);
        List<ProcessHandle> database = family(postmasterPid());

        JarProcess bench = bench("http://127.0.0.1:18902/async/item/{key}", 200, 4, 3, "paused");
        awaitRunSecond(bench);
        Thread.sleep(500);
        serve.signal("STOP");
        Thread.sleep(1_500);
        serve.signal("CONT");
        awaitBenchExit(bench, 3 + 3);
        JsonNode paused = consistentReport("paused");
        assertThat(paused.at("/errors/total").asLong()).as("the stall is shorter than the timeout")
                .isZero();
        assertThat(paused.at("/latency/max").asDouble()).as("the stall, from intended send times")
                .isGreaterThanOrEqualTo(1_000.0);
        // Most requests were sent after SIGCONT or before SIGSTOP: their service time is short.
        assertThat(paused.at("/serviceTime/p50").asDouble()).isLessThan(1_000.0);

        bench = bench("http://127.0.0.1:18902/async/item/{key}", 200, 3, 2, "stopped");
        awaitRunSecond(bench);
        Thread.sleep(500);
        serve.signal("STOP");
        try {
            awaitBenchExit(bench, 2 + 2);
        } finally {
            serve.signal("CONT");
        }
        JsonNode stopped = consistentReport("stopped");
        assertThat(stopped.get("ok").asLong()).as("answers before SIGSTOP").isPositive();
        assertThat(stopped.at("/errors/timeout").asLong()).as("requests held past the timeout")
                .isPositive();
        assertThat(bench.out()).anyMatch(l -> l.contains("WARNING: ") && l.contains("% of the "
                + "requests failed, most of them timeout"));

        serve.process.toHandle().destroy(); // SIGTERM
        assertThat(serve.awaitExit(60)).isZero();
        assertQuiet(serve.err());
        assertNothingLeft(database);
    }

    @Test
    void databaseKilledMidRunGives503sAndServeStillStopsCleanly() throws Exception {
        JarProcess serve = serve(18903);
        long postmaster = postmasterPid();
        List<ProcessHandle> database = family(postmaster);
        JarProcess bench = bench("http://127.0.0.1:18903/blocking-db/db", 100, 5, 4, "dbkill");
        awaitRunSecond(bench);
        Thread.sleep(500);
        ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);
        awaitBenchExit(bench, 4 + 4);

        JsonNode r = consistentReport("dbkill");
        assertThat(r.get("ok").asLong()).as("answers before the kill").isPositive();
        assertThat(r.at("/errors/status5xx").asLong()).as("503 once the database is gone")
                .isPositive();
        JsonNode last = r.get("timeline").get(r.get("timeline").size() - 1);
        assertThat(last.get("ok").asLong()).as("no OK answer in the run's last second: " + last)
                .isZero();
        assertThat(last.get("requests").asLong()).as("requests after the kill are counted")
                .isPositive();

        serve.process.toHandle().destroy(); // SIGTERM
        assertThat(serve.awaitExit(60)).isZero();
        assertThat(serve.err()).contains("warning: the embedded PostgreSQL (pid " + postmaster
                + ") had already stopped");
        assertQuiet(serve.err());
        assertNothingLeft(database);
    }

    @AfterEach
    void stopEverything() {
        started.forEach(p -> p.process.destroyForcibly());
        processesNaming(state).forEach(ProcessHandle::destroyForcibly);
    }

    private JarProcess serve(int port) throws Exception {
        JarProcess serve = JarProcess.start(state, "serve", "--port", Integer.toString(port),
                "--backend-latency", "1ms");
        started.add(serve);
        serve.awaitLine(l -> l.startsWith("apitune serve listening on "), 120);
        return serve;
    }

    private JarProcess bench(String url, int rate, int seconds, int timeoutSeconds, String out)
            throws IOException {
        JarProcess bench = JarProcess.start(state, "bench", "--url", url, "--rate",
                Integer.toString(rate), "--duration", seconds + "s", "--timeout",
                timeoutSeconds + "s", "--warmup", "0", "--out", tmp.resolve(out).toString());
        started.add(bench);
        return bench;
    }

    /** Returns once the bench has printed its first progress line: 1 s into measurement. */
    private static void awaitRunSecond(JarProcess bench) throws InterruptedException {
        bench.awaitLine(l -> l.startsWith("   1.0s "), 60);
    }

    /**
     * The bench exits 0 (no gates) within the rest of its run + its timeout + slack, and its
     * output is quiet.
     */
    private static void awaitBenchExit(JarProcess bench, long boundSeconds) throws Exception {
        assertThat(bench.awaitExit(boundSeconds + SLACK_SECONDS)).as("exit code; stderr %s",
                bench.err()).isZero();
        assertQuiet(bench.err());
        assertQuiet(bench.out());
    }

    /** No stack trace, no Java exception, and not AsyncHttpClient's timer trace (item 8). */
    private static void assertQuiet(List<String> lines) {
        assertThat(lines).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")
                || l.contains("HashedWheelTimer") || l.contains("cannot be started once stopped"));
    }

    /** report.json is there and its counts add up; returns its results. */
    private JsonNode consistentReport(String out) throws IOException {
        Path file = tmp.resolve(out).resolve("report.json");
        assertThat(file).exists();
        assertThat(tmp.resolve(out).resolve("latency.hlog")).exists();
        JsonNode report = new ObjectMapper().readTree(file.toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(report.get("interrupted").asBoolean()).isFalse();
        JsonNode r = report.get("results");
        long requests = r.get("requests").asLong();
        long ok = r.get("ok").asLong();
        long errors = r.at("/errors/total").asLong();
        long byKind = 0;
        for (String kind : ERROR_KINDS) {
            assertThat(r.at("/errors/" + kind).asLong()).as(kind).isNotNegative();
            byKind += r.at("/errors/" + kind).asLong();
        }
        assertThat(ok).isNotNegative();
        assertThat(ok + errors).as("ok + ko = attempts").isEqualTo(requests);
        assertThat(byKind).as("every KO has an error kind").isEqualTo(errors);
        // Exact: the sampler reads the counters before it swaps the histograms, and takes the
        // last interval after the lanes have stopped (once 799 OK latencies for 800 OK answers).
        assertThat(r.at("/latency/count").asLong()).isEqualTo(ok);
        assertThat(r.at("/failureLatency/count").asLong(0)).isEqualTo(errors);
        long timelineRequests = 0;
        for (JsonNode point : r.get("timeline")) {
            timelineRequests += point.get("requests").asLong();
        }
        assertThat(timelineRequests).as("timeline adds up").isEqualTo(requests);
        return r;
    }

    private long postmasterPid() throws IOException {
        Path root = state.resolve("postgres");
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> list = dirs.filter(Files::isDirectory).toList();
            assertThat(list).hasSize(1);
            return EmbeddedInstances.postmasterPid(list.get(0).resolve("data")).orElseThrow();
        }
    }

    /** The postmaster and its children (PostgreSQL's backends and helpers). */
    private static List<ProcessHandle> family(long postmaster) {
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow();
        return Stream.concat(Stream.of(handle), handle.descendants()).toList();
    }

    private void assertNothingLeft(List<ProcessHandle> database) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (database.stream().anyMatch(ProcessHandle::isAlive)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(database).noneMatch(ProcessHandle::isAlive);
        assertThat(started).noneMatch(p -> p.process.isAlive());
        assertThat(processesNaming(state)).isEmpty();
    }

    /** Processes of this test, found by its state directory in their command line. */
    private static List<ProcessHandle> processesNaming(Path dir) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()))
                        .orElse(false))
                .toList();
    }
}
