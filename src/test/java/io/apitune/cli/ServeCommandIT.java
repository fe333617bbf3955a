package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code apitune serve} as a user runs it: the shaded jar in a subprocess. SIGTERM drains,
 * exits 0 and leaves no postgres process; a busy port exits 3 with one line.
 */
class ServeCommandIT {
    private static final Path JAR = Path.of("target", "apitune.jar");
    private static final Pattern PG_ADDRESS = Pattern.compile("database: embedded on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void servesUntilSigtermThenExitsZeroLeavingNoPostgres() throws Exception {
        Process serve = start("serve", "--port", "0", "--backend-latency", "5ms");
        try {
            BlockingQueue<String> out = lines(serve);
            String listening = awaitLine(out, "apitune serve listening on ");
            String base = listening.substring(listening.indexOf("http://"));
            Matcher db = PG_ADDRESS.matcher(awaitLine(out, "database: "));
            assertThat(db.find()).isTrue();
            String pgPort = db.group(1);
            assertThat(postgresOn(pgPort)).isNotEmpty();

            assertThat(get(base + "/blocking-db/db")).contains("randomNumber");
            assertThat(get(base + "/async/item/3")).contains("\"id\":3");

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isZero();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!postgresOn(pgPort).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(postgresOn(pgPort)).isEmpty();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void busyPortExitsThreeWithOneLine() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            Process serve = start("serve", "--port", String.valueOf(port));
            try {
                assertThat(serve.waitFor(90, TimeUnit.SECONDS)).isTrue();
                String err = new String(serve.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(serve.exitValue()).as(err).isEqualTo(3);
                List<String> errors = err.lines().filter(l -> l.startsWith("apitune:")).toList();
                assertThat(errors).containsExactly(
                        "apitune: port " + port + " on 127.0.0.1 is already in use");
                assertThat(err).doesNotContain("Exception");
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    private static Process start(String... args) throws Exception {
        assertThat(Files.exists(JAR)).as("run after package: " + JAR).isTrue();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static BlockingQueue<String> lines(Process process) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    queue.add(line);
                }
            } catch (java.io.IOException e) {
                // Process ended.
            }
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        return queue;
    }

    private static String awaitLine(BlockingQueue<String> lines, String prefix) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' within 90 s");
    }

    /** postgres server processes listening on {@code port} (matched on their command line). */
    private static List<ProcessHandle> postgresOn(String port) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine()
                        .map(c -> c.contains("/bin/postgres ") && c.contains(" -p " + port + " "))
                        .orElse(false))
                .toList();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
