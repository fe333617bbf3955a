package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.db.EmbeddedInstances;
import io.apitune.server.PipelinedClient;
import io.vertx.core.json.JsonObject;

/**
 * The server faults of issue 16, on the real jar in subprocesses that share one state
 * directory: 1,000 pipelined requests answered in order and slow clients closed while stderr
 * stays quiet; a SIGKILLed serve leaves its PostgreSQL running, and the next serve stops it
 * with one line; a postmaster killed under a running serve costs one line at shutdown, and
 * nothing is left behind.
 */
class ServeFaultsIT {
    private static final Path JAR = Path.of("target", "apitune.jar");
    private static final String LISTENING = "apitune serve listening on ";

    @TempDir
    Path state;

    @Test
    void pipeliningSlowClientsSigkillAndADeadPostmasterAreEachHandledQuietly() throws Exception {
        List<Process> started = new ArrayList<>();
        try {
            Serve first = start(started, "--backend-latency", "0", "--header-timeout", "1s");
            String base = first.awaitListening();
            int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
            assertPipelinedInOrder(port, 1_000);
            assertSlowClientsClosed(port, 30);
            long orphan = postmasterPid();

            first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);
            assertThat(first.err()).containsExactly("starting embedded PostgreSQL...");

            Serve second = start(started);
            second.awaitListening();
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(second.err(2)).containsExactly("stopped the embedded PostgreSQL (pid "
                    + orphan + ") left running by apitune process " + first.process.pid()
                    + ", which is gone", "starting embedded PostgreSQL...");

            long postmaster = postmasterPid();
            ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(30, TimeUnit.SECONDS);
            // SIGTERM through the handle: Process.destroy() would also close our ends of the pipes.
            second.process.toHandle().destroy();
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(second.process.exitValue()).isZero();
            assertThat(second.err(5)).contains("warning: the embedded PostgreSQL (pid " + postmaster
                    + ") had already stopped", "stopped")
                    .noneMatch(line -> line.contains("Exception") || line.startsWith("\tat "));
            assertThat(instanceDirs()).isEmpty();
            assertThat(processesNaming(state)).isEmpty();
        } finally {
            started.forEach(Process::destroyForcibly);
            processesNaming(state).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void assertPipelinedInOrder(int port, int depth) throws IOException {
        String[] modes = {"blocking", "async", "cached"};
        List<String> paths = IntStream.range(0, depth)
                .mapToObj(i -> "/" + modes[i % 3] + "/item/" + i).toList();
        List<PipelinedClient.Answer> answers = PipelinedClient.send(
                new Socket("127.0.0.1", port), paths);
        assertThat(answers).hasSize(depth);
        for (int i = 0; i < depth; i++) {
            assertThat(new JsonObject(answers.get(i).body()).getLong("id")).as("answer %d", i)
                    .isEqualTo(i);
        }
    }

    /** Clients that stop in the middle of a request head are closed (header timeout 1 s). */
    private static void assertSlowClientsClosed(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write("GET /json HTTP/1.1\r\nHost: x\r\nX-Sl"
                        .getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            for (Socket socket : sockets) {
                try {
                    assertThat(socket.getInputStream().read()).isEqualTo(-1);
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("a half-sent request head was still open after 20 s");
                } catch (IOException e) {
                    // Reset by the server: closed.
                }
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private long postmasterPid() throws IOException {
        List<Path> dirs = instanceDirs();
        assertThat(dirs).hasSize(1);
        return EmbeddedInstances.postmasterPid(dirs.get(0).resolve("data")).orElseThrow();
    }

    private List<Path> instanceDirs() throws IOException {
        Path root = state.resolve("postgres");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).toList();
        }
    }

    /** Processes this test started, found by the state directory in their command line. */
    private static List<ProcessHandle> processesNaming(Path dir) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()))
                        .orElse(false))
                .toList();
    }

    /** A serve subprocess with its output lines. */
    private record Serve(Process process, BlockingQueue<String> out, List<String> errLines) {
        String awaitListening() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = out.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith(LISTENING)) {
                    return line.substring(LISTENING.length());
                }
            }
            throw new AssertionError("serve did not listen within 120 s; stderr: " + err());
        }

        List<String> err() {
            synchronized (errLines) {
                return List.copyOf(errLines);
            }
        }

        /** stderr once it has at least {@code count} lines (or after 10 s). */
        List<String> err(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (err().size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return err();
        }
    }

    private Serve start(List<Process> started, String... flags) throws IOException {
        assertThat(Files.exists(JAR)).as("run after package: " + JAR).isTrue();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + EmbeddedInstances.STATE_DIR_PROPERTY + "=" + state,
                "-jar", JAR.toString(), "serve", "--port", "0"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        List<String> err = new ArrayList<>();
        JarProcess.pump(process.getInputStream(), out);
        JarProcess.pump(process.getErrorStream(), err);
        return new Serve(process, out, err);
    }
}
