package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.apitune.db.EmbeddedInstances;

/**
 * {@code target/apitune.jar} run as a subprocess with its own state directory, its stdout and
 * stderr collected line by line (so a test can wait for a line) by one daemon thread each.
 */
final class JarProcess {
    private static final Path JAR = Path.of("target", "apitune.jar");

    final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        pump(process.getInputStream(), out);
        pump(process.getErrorStream(), err);
    }

    static JarProcess start(Path state, String... args) throws IOException {
        assertThat(Files.exists(JAR)).as("run after package: " + JAR).isTrue();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + EmbeddedInstances.STATE_DIR_PROPERTY + "=" + state,
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).start());
    }

    List<String> out() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    List<String> err() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    /** Waits until stdout or stderr has a line that matches. */
    void awaitLine(Predicate<String> match, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            if (out().stream().anyMatch(match) || err().stream().anyMatch(match)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no expected line within " + timeoutSeconds + " s; stdout: "
                + out() + "; stderr: " + err());
    }

    /** Sends a signal by name (STOP, CONT, KILL, TERM) with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        signal(process.pid(), name);
    }

    static void signal(long pid, String name) throws IOException, InterruptedException {
        int rc = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor();
        assertThat(rc).as("kill -%s %d", name, pid).isZero();
    }

    /** Exit value once it has exited within the time, else an assertion error. */
    int awaitExit(long timeoutSeconds) throws InterruptedException {
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS))
                .as("exited within %d s; stdout: %s; stderr: %s", timeoutSeconds, out(), err())
                .isTrue();
        // The pumps read to the end of the pipes shortly after exit.
        Thread.sleep(200);
        return process.exitValue();
    }

    /** Reads {@code stream} line by line into {@code lines} (synchronized on it) until it ends. */
    static void pump(InputStream stream, java.util.Collection<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }
}
