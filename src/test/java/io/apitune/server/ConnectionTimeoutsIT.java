package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and silent clients are closed: connections that say nothing, stop in the middle of a
 * request head, drip one byte at a time, or stop after the HTTP/2 preface are all closed by the
 * server (header timeout 1 s), never before the timeout; a connection that keeps sending
 * requests stays open past both timeouts and is closed once idle (idle timeout 2 s). Bounds are
 * generous (closed within 20 s) and the lower bound holds whatever the machine's speed.
 */
class ConnectionTimeoutsIT {
    private static final long HEADER_TIMEOUT_MILLIS = 1_000;
    private static final long IDLE_TIMEOUT_MILLIS = 2_000;
    private static final long CLOSED_WITHIN_MILLIS = 20_000;
    private static final byte[] REQUEST = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_START = "GET /plaintext HTTP/1.1\r\nHost: x\r\nX-Slow: "
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] H2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static ReferenceServer server;
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();

    /** What one client does; returns when the server has closed the connection. */
    @FunctionalInterface
    interface Behaviour {
        void run(Socket socket) throws IOException, InterruptedException;
    }

    @BeforeAll
    static void start() {
        server = ReferenceServer.start(new ServerConfig("127.0.0.1", 0, Duration.ZERO,
                Duration.ZERO, 2, 16, 100, Duration.ofMinutes(1), null, 1, false)
                .withNetwork(new NetworkConfig(false, null, null,
                        Duration.ofMillis(IDLE_TIMEOUT_MILLIS),
                        Duration.ofMillis(HEADER_TIMEOUT_MILLIS))));
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
        server.close();
    }

    @Test
    void silentPartialDrippingAndPrefaceOnlyClientsAreClosedAfterTheHeaderTimeout()
            throws Exception {
        List<Future<Long>> closedAfterMillis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            closedAfterMillis.add(client(socket -> awaitClose(socket)));
            closedAfterMillis.add(client(socket -> {
                socket.getOutputStream().write(HEAD_START);
                awaitClose(socket);
            }));
            closedAfterMillis.add(client(ConnectionTimeoutsIT::drip));
        }
        closedAfterMillis.add(client(socket -> {
            socket.getOutputStream().write(H2_PREFACE);
            awaitClose(socket);
        }));
        closedAfterMillis.add(client(socket -> {
            // A complete request, then a second head that never ends: the later head is timed too.
            socket.getOutputStream().write(REQUEST);
            socket.getOutputStream().write(HEAD_START);
            drip(socket);
        }));
        for (Future<Long> millis : closedAfterMillis) {
            assertThat(millis.get(CLOSED_WITHIN_MILLIS + 5_000, TimeUnit.MILLISECONDS))
                    .isBetween(HEADER_TIMEOUT_MILLIS - 50, CLOSED_WITHIN_MILLIS);
        }
    }

    @Test
    void aBusyConnectionOutlivesBothTimeoutsThenIsClosedWhenIdle() throws Exception {
        long activeMillis = 2 * IDLE_TIMEOUT_MILLIS;
        long[] idleMillis = new long[1];
        Future<Long> open = client(socket -> {
            long start = System.nanoTime();
            long end = start + TimeUnit.MILLISECONDS.toNanos(activeMillis);
            InputStream in = socket.getInputStream();
            int answers = 0;
            long lastAnswer = start;
            while (System.nanoTime() < end) {
                socket.getOutputStream().write(REQUEST);
                assertThat(in.read(new byte[4096])).as("answer %d", answers).isPositive();
                lastAnswer = System.nanoTime();
                answers++;
                Thread.sleep(HEADER_TIMEOUT_MILLIS / 4);
            }
            assertThat(answers).isGreaterThan(4);
            awaitClose(socket);
            idleMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastAnswer);
        });
        assertThat(open.get(activeMillis + CLOSED_WITHIN_MILLIS, TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(activeMillis);
        assertThat(idleMillis[0]).isBetween(IDLE_TIMEOUT_MILLIS - 50, CLOSED_WITHIN_MILLIS);
    }

    /** Runs {@code behaviour} on a new connection; the future holds ms from connect to close. */
    private static Future<Long> client(Behaviour behaviour) {
        return CLIENTS.submit(() -> {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                long start = System.nanoTime();
                socket.setSoTimeout((int) CLOSED_WITHIN_MILLIS);
                behaviour.run(socket);
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
        });
    }

    /** One header byte every 100 ms, never ending the head, until the server closes. */
    private static void drip(Socket socket) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        socket.setSoTimeout(1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSED_WITHIN_MILLIS);
        while (System.nanoTime() < deadline) {
            try {
                out.write('a');
                if (socket.getInputStream().read() < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                Thread.sleep(100);
            } catch (IOException e) {
                return; // Reset or broken pipe: closed by the server.
            }
        }
        throw new AssertionError("a dripping client was not closed within "
                + CLOSED_WITHIN_MILLIS + " ms");
    }

    /** Blocks until the server closes the connection (end of stream or reset). */
    private static void awaitClose(Socket socket) throws IOException {
        try {
            byte[] sink = new byte[4096];
            while (socket.getInputStream().read(sink) >= 0) {
                // Discard whatever the server sends before closing (e.g. an HTTP/2 GOAWAY).
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open after " + CLOSED_WITHIN_MILLIS + " ms");
        } catch (IOException e) {
            // Reset by the server: closed.
        }
    }
}
