package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.RequestSpec;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 transport's connection handling, end to end against a real server. */
class Http1TransportIT {

    private static LoadConfig requests(String method, String url, List<Header> headers, long count,
            int connections) {
        return new LoadConfig(new RequestSpec(method, url, headers, null),
                new KeySpace(1, KeySpace.Distribution.UNIFORM, 0), null, Arrival.CONSTANT, connections,
                null, count, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void keepAliveReusesEachConnectionIncludingTheProbes() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadResult result = LoadGeneratorIT.run(requests("GET", server.url("/item/{key}"), List.of(), 2_000, 4));
            assertThat(result.okCount()).isEqualTo(2_000);
            assertThat(result.protocol().connectionsOpened()).isEqualTo(4);
            assertThat(server.connections()).isEqualTo(4);
        }
    }

    @Test
    void aRequestThatAsksToCloseGetsANewConnectionEachTime() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadResult result = LoadGeneratorIT.run(requests("GET", server.url("/"),
                    List.of(new Header("Connection", "close")), 200, 2));
            assertThat(result.okCount()).isEqualTo(200);
            assertThat(result.errors().total()).isZero();
            // the probe (which keeps its connection) opened the first, each request after it one
            assertThat(result.protocol().connectionsOpened()).isEqualTo(200);
        }
    }

    @Test
    void aHeadAnswerHasNoBodyAndItsConnectionIsReused() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadResult result = LoadGeneratorIT.run(requests("HEAD", server.url("/"), List.of(), 500, 2));
            assertThat(result.okCount()).isEqualTo(500);
            assertThat(result.errors().total()).isZero();
            assertThat(result.protocol().connectionsOpened()).isEqualTo(2);
        }
    }
}
