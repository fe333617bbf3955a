package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.RequestSpec;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/2 transport's streams and connections, end to end against an h2c server on Netty's
 * codec ({@link H2TestServer}): request bodies (prebuilt and rendered) arrive whole with their
 * length, connection-specific headers are left out, an abort resets its stream and leaves the
 * connection to the next request, and a GOAWAY fails the streams it did not take and moves the
 * next request to a new connection.
 */
class Http2TransportIT {
    private static final long WAIT_SECONDS = 5;

    /** A transport of one lane and one h2c connection, whose run is {@code method url body}. */
    private static Http2Transport transport(String method, String url, byte[] body) {
        LoadConfig config = new LoadConfig(new RequestSpec(method, url, List.of(), body),
                new KeySpace(1, KeySpace.Distribution.UNIFORM, 0), null, Arrival.CONSTANT, 1, null,
                10L, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
        return new Http2Transport(new RequestTemplate(config), 1, 1, Duration.ofSeconds(5),
                new TransportConfig(TransportConfig.Protocol.H2C, 8, TransportConfig.Tls.VERIFY));
    }

    /** What one send ended with; the header and body only when completed. */
    private record Answer(int status, String body, String length, String authority, Throwable failure) {
    }

    /** A call of {@code lane} whose outcomes go to the future {@link #send} returns. */
    private static final class Sender implements Transport.Outcome {
        private final Transport.Lane lane;
        private final Transport.Call call;
        private volatile CompletableFuture<Answer> answer;

        Sender(Transport.Lane lane) throws Exception {
            this.lane = lane;
            CompletableFuture<Transport.Call> made = new CompletableFuture<>();
            lane.execute(() -> made.complete(lane.newCall(this)));
            this.call = made.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        CompletableFuture<Answer> send(Outgoing request) {
            CompletableFuture<Answer> next = new CompletableFuture<>();
            answer = next;
            lane.execute(() -> call.send(request));
            return next;
        }

        void abort(Throwable cause) {
            lane.execute(() -> call.abort(cause));
        }

        @Override
        public void completed(int status, Transport.Response response, long doneNanos) {
            String body = response == null ? null
                    : new String(response.body(), 0, response.bodyLength(), StandardCharsets.UTF_8);
            answer.complete(new Answer(status, body, response == null ? null : response.header("X-Length"),
                    response == null ? null : response.header("x-authority"), null));
        }

        @Override
        public void failed(Throwable cause, long doneNanos) {
            answer.complete(new Answer(0, null, null, null, cause));
        }
    }

    private static Outgoing keeping(Outgoing request) {
        request.wantsHeaders = true;
        request.wantsBody = true;
        return request;
    }

    private static Outgoing prebuilt() {
        Outgoing request = new Outgoing();
        request.request = 0;
        return keeping(request);
    }

    private static Answer get(Sender sender, String url) throws Exception {
        return sender.send(keeping(Outgoing.get(url))).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void prebuiltAndRenderedBodiesArriveWholeOnOneConnection() throws Exception {
        try (H2TestServer server = new H2TestServer();
                Http2Transport transport = transport("POST", server.url("/echo"),
                        "constant body".getBytes(StandardCharsets.UTF_8))) {
            Sender sender = new Sender(transport.lanes().get(0));
            Answer constant = sender.send(prebuilt()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(constant.failure()).isNull();
            assertThat(constant.status()).isEqualTo(200);
            assertThat(constant.body()).isEqualTo("constant body");
            assertThat(constant.length()).isEqualTo("13");

            Outgoing rendered = keeping(Outgoing.get(server.url("/echo?id=7")));
            rendered.method = "PUT";
            // A connection-specific header would be a malformed HTTP/2 request: it is left out.
            rendered.headers = List.of(new Header("Connection", "keep-alive"),
                    new Header("Host", "example.test:8080"), new Header("X-Id", "7"));
            rendered.body = "rendered body 7".getBytes(StandardCharsets.UTF_8);
            Answer answer = sender.send(rendered).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answer.failure()).isNull();
            assertThat(answer.body()).isEqualTo("rendered body 7");
            assertThat(answer.length()).isEqualTo("15");
            assertThat(answer.authority()).isEqualTo("example.test:8080");
            assertThat(transport.connectionsOpened()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void anAbortResetsItsStreamAndTheConnectionCarriesOn() throws Exception {
        try (H2TestServer server = new H2TestServer();
                Http2Transport transport = transport("GET", server.url("/echo"), null)) {
            Sender hanging = new Sender(transport.lanes().get(0));
            CompletableFuture<Answer> hang = hanging.send(keeping(Outgoing.get(server.url("/hang"))));
            // The stream is open once another request on the connection was answered.
            Sender other = new Sender(transport.lanes().get(0));
            assertThat(get(other, server.url("/echo")).status()).isEqualTo(200);
            RuntimeException timeout = new RuntimeException("timed out");
            hanging.abort(timeout);
            assertThat(hang.get(WAIT_SECONDS, TimeUnit.SECONDS).failure()).isSameAs(timeout);
            assertThat(server.resets().poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(8L); // CANCEL

            assertThat(get(other, server.url("/echo")).status()).isEqualTo(200);
            assertThat(get(hanging, server.url("/echo")).status()).isEqualTo(200);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aGoAwayFailsTheStreamsItDidNotTakeAndTheNextRequestGetsANewConnection() throws Exception {
        try (H2TestServer server = new H2TestServer();
                Http2Transport transport = transport("GET", server.url("/echo"), null)) {
            Sender sender = new Sender(transport.lanes().get(0));
            assertThat(get(sender, server.url("/echo")).status()).isEqualTo(200);
            // The server answers /bye with GOAWAY naming the stream before it as the last it took.
            Answer refused = get(sender, server.url("/bye"));
            assertThat(refused.failure()).hasMessageContaining("GOAWAY");

            Answer next = get(sender, server.url("/echo"));
            assertThat(next.failure()).isNull();
            assertThat(next.status()).isEqualTo(200);
            assertThat(transport.connectionsOpened()).isEqualTo(2);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void anInformationalAnswerIsSkippedAndAnAnswerWithoutBodyEndsAtItsHeaders() throws Exception {
        try (H2TestServer server = new H2TestServer();
                Http2Transport transport = transport("HEAD", server.url("/early"), null)) {
            Sender sender = new Sender(transport.lanes().get(0));
            Answer answer = sender.send(prebuilt()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answer.failure()).isNull();
            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.length()).isEqualTo("final");
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void aRequestOverTheServersStreamLimitWaitsForAStreamOnTheSameConnection() throws Exception {
        try (H2TestServer server = new H2TestServer(1);
                Http2Transport transport = transport("GET", server.url("/echo"), null)) {
            Sender first = new Sender(transport.lanes().get(0));
            // Answered: the server's SETTINGS (one stream at a time) have arrived.
            assertThat(get(first, server.url("/echo")).status()).isEqualTo(200);
            CompletableFuture<Answer> hang = first.send(keeping(Outgoing.get(server.url("/hang"))));
            Sender second = new Sender(transport.lanes().get(0));
            CompletableFuture<Answer> waiting = second.send(keeping(Outgoing.get(server.url("/echo"))));
            Thread.sleep(200);
            assertThat(waiting).isNotDone();
            first.abort(new RuntimeException("timed out"));
            assertThat(hang.get(WAIT_SECONDS, TimeUnit.SECONDS).failure()).hasMessage("timed out");
            Answer answer = waiting.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(answer.failure()).isNull();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(transport.connectionsOpened()).isEqualTo(1);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void aRequestToAnotherOriginGetsItsOwnConnectionAndEachIsReused() throws Exception {
        try (H2TestServer run = new H2TestServer();
                H2TestServer other = new H2TestServer();
                Http2Transport transport = transport("GET", run.url("/echo"), null)) {
            Sender sender = new Sender(transport.lanes().get(0));
            for (int i = 0; i < 3; i++) {
                assertThat(get(sender, run.url("/echo")).status()).isEqualTo(200);
                assertThat(get(sender, other.url("/echo")).status()).isEqualTo(200);
            }
            assertThat(transport.connectionsOpened()).isEqualTo(2);
            assertThat(run.connections()).isEqualTo(1);
            assertThat(other.connections()).isEqualTo(1);
        }
    }
}
