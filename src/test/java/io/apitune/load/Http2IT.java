package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Test;

/**
 * The generator over h2c against a Vert.x server: streams multiplex on few connections (the
 * closed model's throughput is connections x streams / service time), the server's stream limit
 * caps the streams asked for, the report's protocol is what the server answered, and a server
 * that speaks only HTTP/1.1 fails the run with one line.
 */
class Http2IT {
    private static LoadConfig h2c(LoadConfig base, int streams) {
        return base.withTransport(new TransportConfig(TransportConfig.Protocol.H2C, streams,
                TransportConfig.Tls.VERIFY));
    }

    /** The closed model on one connection for 2 s after a 1 s warm-up. */
    private static LoadConfig oneConnection(String url) {
        LoadConfig c = LoadGeneratorIT.closed(url, 1, Duration.ofSeconds(2));
        return new LoadConfig(c.request(), c.keys(), null, c.arrival(), 1, c.duration(), null,
                Duration.ofSeconds(1), Duration.ZERO, c.timeout());
    }

    @Test
    void oneConnectionCarriesManyStreams() throws Exception {
        long delayMillis = 20;
        try (TestServer server = TestServer.start(delayMillis)) {
            // Side by side on one connection, 20 ms per answer: HTTP/1.1 carries one request at
            // a time (50/s), h2c 16 (800/s). The ratio is 16 in theory; 4 is a generous floor.
            LoadResult http1 = LoadGeneratorIT.run(oneConnection(server.url("/item/{key}")));
            long before = server.connections();
            LoadResult result = LoadGeneratorIT.run(h2c(oneConnection(server.url("/item/{key}")), 16));
            assertThat(http1.protocol().negotiated()).isEqualTo("http/1.1");
            assertThat(http1.protocol().connectionsOpened()).isEqualTo(1);
            assertThat(result.errors().total()).isZero();
            assertThat(result.protocol().requested()).isEqualTo("h2c");
            assertThat(result.protocol().negotiated()).isEqualTo("h2c");
            assertThat(result.protocol().streamsPerConnection()).isEqualTo(16);
            assertThat(result.protocol().connectionsOpened()).isEqualTo(1);
            assertThat(server.connections() - before).isEqualTo(1);
            assertThat(result.throughputPerSecond()).isGreaterThan(4 * http1.throughputPerSecond());
            double p50Millis = result.okLatency().getValueAtPercentile(50) / 1e6;
            // The upper bound is generous because the test may share its cores with other work
            // (a busy machine adds scheduling delay to every answer); the point is streams in
            // parallel, which 16 requests one after another (16 x delay) would break.
            assertThat(p50Millis).isBetween(delayMillis * 0.98, delayMillis * 4.0);
        }
    }

    @Test
    void theServersStreamLimitCapsTheStreamsAskedFor() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(5));
        try (TestServer server = TestServer.start(10, options)) {
            LoadResult result = LoadGeneratorIT.run(h2c(LoadGeneratorIT.closed(
                    server.url("/item/{key}"), 2, Duration.ofSeconds(1)), 64));
            assertThat(result.protocol().streamsPerConnection()).isEqualTo(5);
            assertThat(result.errors().total()).isZero();
            // 2 connections x 5 streams / 10 ms = 1000/s at most: never the 2 x 64 asked for.
            assertThat(result.throughputPerSecond()).isLessThanOrEqualTo(1000.0);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void anHttp1OnlyServerFailsTheRunWithOneLine() throws Exception {
        try (TestServer server = TestServer.start(0, new HttpServerOptions()
                .setHttp2ClearTextEnabled(false))) {
            ApituneException e = catchThrowableOfType(() -> LoadGeneratorIT.run(h2c(
                    LoadGeneratorIT.closed(server.url("/x"), 1, Duration.ofSeconds(1)), 8)),
                    ApituneException.class);
            assertThat(e).isNotNull();
            assertThat(e.exitCode()).isEqualTo(ExitCodes.TARGET_FAILURE);
            assertThat(e.getMessage()).startsWith("target " + server.url("/x")).contains("h2c")
                    .doesNotContain("\n");
        }
    }
}
