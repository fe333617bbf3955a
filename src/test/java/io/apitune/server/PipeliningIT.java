package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

import io.apitune.Notices;
import io.vertx.core.json.JsonObject;

/**
 * HTTP/1.1 pipelining at depths far beyond the 128 that closed connections before: 1,000
 * requests over three modes with an upstream delay (so answers could finish out of order) come
 * back complete and in order, in cleartext and over TLS, and 5,000 on one connection all come
 * back. Nothing is written to stderr or reported as a connection error meanwhile.
 */
class PipeliningIT {
    private static final int DEPTH = 1_000;
    private static final int DEEP = 5_000;

    @Test
    void thousandsOfPipelinedRequestsAreAnsweredInOrderQuietly() throws Exception {
        List<String> notices = Collections.synchronizedList(new ArrayList<>());
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try (ReferenceServer clear = ReferenceServer.start(config(), recording(notices));
                ReferenceServer tls = ReferenceServer.start(
                        config().withNetwork(NetworkConfig.selfSignedTls()), recording(notices))) {
            assertInOrder(PipelinedClient.send(new Socket("127.0.0.1", clear.port()), paths()));
            assertInOrder(PipelinedClient.send(tlsSocket(tls), paths()));

            List<String> plain = Collections.nCopies(DEEP, "/plaintext");
            List<PipelinedClient.Answer> deep = PipelinedClient.send(
                    new Socket("127.0.0.1", clear.port()), plain);
            assertThat(deep).hasSize(DEEP).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        } finally {
            System.setErr(original);
        }
        assertThat(notices).isEmpty();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static ServerConfig config() {
        return new ServerConfig("127.0.0.1", 0, Duration.ZERO, Duration.ofMillis(1), 4,
                DEPTH, 10_000, Duration.ofMinutes(1), null, 1, false);
    }

    /** {@code /blocking/item/0}, {@code /async/item/1}, {@code /cached/item/2}, … */
    private static List<String> paths() {
        String[] modes = {"blocking", "async", "cached"};
        return IntStream.range(0, DEPTH).mapToObj(i -> "/" + modes[i % 3] + "/item/" + i).toList();
    }

    private static void assertInOrder(List<PipelinedClient.Answer> answers) {
        assertThat(answers).hasSize(DEPTH);
        for (int i = 0; i < DEPTH; i++) {
            assertThat(answers.get(i).status()).as("answer %d", i).isEqualTo(200);
            assertThat(new JsonObject(answers.get(i).body()).getLong("id")).as("answer %d", i)
                    .isEqualTo(i);
        }
    }

    private static Socket tlsSocket(ReferenceServer server) throws Exception {
        SSLContext context = Http.trusting(server.tlsCertificate().orElseThrow());
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket("127.0.0.1", server.port());
        socket.startHandshake();
        return socket;
    }

    /** Notices that keep each line in {@code lines}, as a non-verbose user would see them. */
    static Notices recording(List<String> lines) {
        return new Notices() {
            @Override
            public void line(String message) {
                lines.add(message);
            }

            @Override
            public void detail(Throwable cause) {
                // Not verbose: no stack traces, as for a user without --verbose.
            }

            @Override
            public boolean verbose() {
                return false;
            }
        };
    }
}
