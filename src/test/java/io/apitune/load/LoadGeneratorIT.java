package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.RequestSpec;
import org.junit.jupiter.api.Test;

/**
 * The load generator against real loopback servers: oracle, closed model, errors, OK/KO. Real
 * load for several seconds with timing bounds, so an integration test.
 */
class LoadGeneratorIT {
    static LoadConfig open(String url, double rate, int connections, Duration duration) {
        return new LoadConfig(new RequestSpec("GET", url, List.of(), null),
                new KeySpace(100, KeySpace.Distribution.UNIFORM, 0), rate, Arrival.CONSTANT,
                connections, duration, null, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
    }

    static LoadConfig closed(String url, int connections, Duration duration) {
        return new LoadConfig(new RequestSpec("GET", url, List.of(), null),
                new KeySpace(100, KeySpace.Distribution.UNIFORM, 0), null, Arrival.CONSTANT,
                connections, duration, null, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
    }

    static LoadResult run(LoadConfig config) {
        try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
            generator.probe();
            return generator.run();
        }
    }

    @Test
    void oracleMedianLatencyIsTheServerDelayAndCountsMatchTheServer() throws Exception {
        long delayMillis = 20;
        try (TestServer server = TestServer.start(delayMillis)) {
            // 200/s for 2 s = 400 measured requests; 16 connections comfortably cover
            // 200/s x 20 ms = 4 in flight, so nothing queues and latency ≈ service time ≈ D.
            LoadResult result = run(open(server.url("/item/{key}"), 200, 16, Duration.ofSeconds(2)));
            assertThat(result.attempts()).isEqualTo(400);
            // The server also saw the one reachability probe.
            assertThat(server.requests()).isEqualTo(result.attempts() + 1);
            assertThat(result.errors().total()).isZero();
            double p50Millis = result.okLatency().getValueAtPercentile(50) / 1e6;
            double serviceP50Millis = result.okService().getValueAtPercentile(50) / 1e6;
            // A timer cannot fire early: p50 >= D. Loopback + timer slack on a busy 2-core
            // machine adds a few ms; 15 ms is generous.
            assertThat(p50Millis).isBetween(delayMillis * 0.98, delayMillis + 15.0);
            assertThat(serviceP50Millis).isBetween(delayMillis * 0.98, delayMillis + 15.0);
            assertThat(result.okLatency().getTotalCount()).isEqualTo(400);
            // The window is at least the planned 2 s, so the rate can never exceed the target.
            assertThat(result.throughputPerSecond()).isBetween(100.0, 200.0);
        }
    }

    @Test
    void closedModelFollowsLittlesLaw() throws Exception {
        long delayMillis = 50;
        int connections = 8;
        try (TestServer server = TestServer.start(delayMillis)) {
            LoadResult result = run(closed(server.url("/x"), connections, Duration.ofSeconds(3)));
            // Little's law: throughput = in flight / time in system = 8 / 0.050 s = 160/s.
            double expected = connections / (delayMillis / 1000.0);
            assertThat(result.throughputPerSecond()).isBetween(expected * 0.7, expected * 1.02);
            assertThat(result.attempts()).isEqualTo(server.requests() - 1);
        }
    }

    @Test
    void rampUpAndPoissonArrivalsShapeTheOpenModel() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadConfig base = open(server.url("/"), 200, 8, Duration.ofSeconds(2));
            // Linear ramp 0 -> 200/s over the first 1 s: 200 x 1 / 2 = 100 requests in the
            // ramp, then 200 in the remaining second: 300 in all.
            LoadResult ramped = run(new LoadConfig(base.request(), base.keys(), 200.0,
                    LoadConfig.Arrival.CONSTANT, 8, base.duration(), null, Duration.ZERO,
                    Duration.ofSeconds(1), base.timeout()));
            assertThat(ramped.attempts()).isBetween(299L, 301L);
            assertThat(ramped.timeline().get(0).requests())
                    .isLessThan(ramped.timeline().get(1).requests());
            // Poisson at 200/s for 2 s: the count is Poisson(400), sd 20; +-5 sd is 300..500.
            LoadResult poisson = run(new LoadConfig(base.request(), base.keys(), 200.0,
                    LoadConfig.Arrival.POISSON, 8, base.duration(), null, Duration.ZERO,
                    Duration.ZERO, base.timeout()));
            assertThat(poisson.attempts()).isBetween(300L, 500L);
            assertThat(poisson.errors().total()).isZero();
        }
    }

    @Test
    void requestCountEndsTheRun() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            LoadConfig config = new LoadConfig(new RequestSpec("GET", server.url("/"), List.of(), null),
                    new KeySpace(1, KeySpace.Distribution.UNIFORM, 0), null, Arrival.CONSTANT, 4,
                    null, 250L, Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5));
            LoadResult result = run(config);
            assertThat(result.attempts()).isEqualTo(250);
            assertThat(server.requests()).isGreaterThan(251);
        }
    }

    @Test
    void aRequestCountSmallerThanTheLanesEndsTheOpenModel() throws Exception {
        // one request over several lanes leaves a lane with none to send; it must still be done
        try (TestServer server = TestServer.start(0)) {
            LoadConfig config = new LoadConfig(new RequestSpec("GET", server.url("/"), List.of(), null),
                    new KeySpace(1, KeySpace.Distribution.UNIFORM, 0), 100.0, Arrival.CONSTANT, 4,
                    null, 1L, Duration.ofMillis(200), Duration.ZERO, Duration.ofSeconds(5));
            LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(config));
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.interrupted()).isFalse();
        }
    }

    @Test
    void statusErrorsAreCountedByClass() throws Exception {
        try (TestServer server = TestServer.start(0)) {
            server.status(503);
            LoadResult result = run(open(server.url("/"), 100, 4, Duration.ofMillis(500)));
            assertThat(result.attempts()).isEqualTo(50);
            assertThat(result.errors().status5xx()).isEqualTo(50);
            assertThat(result.errors().total()).isEqualTo(50);
            // 503s are KO: no OK latency, goodput zero, every attempt has a failure latency.
            assertThat(result.okCount()).isZero();
            assertThat(result.koCount()).isEqualTo(50);
            assertThat(result.okLatency().getTotalCount()).isZero();
            assertThat(result.failureLatency().getTotalCount()).isEqualTo(50);
            assertThat(result.throughputPerSecond()).isZero();
            assertThat(result.timeline()).allSatisfy(s -> assertThat(s.hasOkLatency()).isFalse());
        }
    }

    @Test
    void slowResponsesBecomeTimeouts() throws Exception {
        try (TestServer server = TestServer.start(2_000)) {
            LoadConfig base = open(server.url("/"), 20, 8, Duration.ofSeconds(1));
            LoadConfig config = new LoadConfig(base.request(), base.keys(), 20.0, base.arrival(), 8,
                    base.duration(), null, Duration.ZERO, Duration.ZERO, Duration.ofMillis(300));
            LoadResult result;
            try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
                result = generator.run(); // no probe: it would time out too
            }
            // 20/s for 1 s = 20 requests, every one cut off at 300 ms by the 2 s server.
            assertThat(result.attempts()).isEqualTo(20);
            assertThat(result.errors().timeout()).isEqualTo(20);
            assertThat(result.okLatency().getTotalCount()).isZero();
            assertThat(result.okCount()).isZero();
            // A timeout fails at its timeout: 300 ms after the send (plus send lag and the timer's
            // tick on a busy machine), long before the 2 s answer would have come.
            assertThat(result.failureLatency().getTotalCount()).isEqualTo(20);
            assertThat(result.failureLatency().getMinValue() / 1e6).isGreaterThanOrEqualTo(299.0);
            assertThat(result.failureLatency().getMaxValue() / 1e6).isLessThan(1_000.0);
        }
    }

    @Test
    void halfTimedOutRequestsAreKoAtTheTimeoutAndStayOutOfOkLatency() throws Exception {
        try (TestServer server = TestServer.start(0).hangEvery(2)) {
            LoadConfig base = open(server.url("/"), 100, 64, Duration.ofSeconds(2));
            LoadConfig config = new LoadConfig(base.request(), base.keys(), 100.0, base.arrival(),
                    64, base.duration(), null, Duration.ZERO, Duration.ZERO, Duration.ofMillis(500));
            LoadResult result;
            try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
                result = generator.run(); // no probe: the first request hangs
            }
            // 100/s for 2 s = 200 attempts; the server never answers every second one.
            assertThat(result.attempts()).isEqualTo(200);
            assertThat(result.okCount()).isEqualTo(100);
            assertThat(result.koCount()).isEqualTo(100);
            assertThat(result.errors().timeout()).isEqualTo(100);
            assertThat(result.okLatency().getTotalCount()).isEqualTo(100);
            assertThat(result.failureLatency().getTotalCount()).isEqualTo(100);
            // A timeout counts at its timeout (500 ms from the send; 64 connections, no wait).
            assertThat(result.failureLatency().getMinValue() / 1e6).isGreaterThanOrEqualTo(499.0);
            assertThat(result.failureLatency().getValueAtPercentile(50) / 1e6).isLessThan(600.0);
            // OK latency holds none of them: every OK answer came at once.
            assertThat(result.okLatency().getMaxValue() / 1e6).isLessThan(450.0);
            assertThat(result.throughputPerSecond()).isLessThan(result.requestRatePerSecond());
        }
    }

    @Test
    void aTargetThatDiesMidRunIsCountedAsConnectErrors() throws Exception {
        TestServer server = TestServer.start(0);
        LoadConfig config = open(server.url("/"), 100, 4, Duration.ofSeconds(2));
        try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
            generator.probe();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(800);
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            LoadResult result = generator.run();
            killer.join();
            // 100/s for 2 s = 200 requests: those before the kill answered, the rest refused.
            assertThat(result.attempts()).isEqualTo(200);
            assertThat(result.errors().connect()).isBetween(50L, 150L);
            assertThat(result.errors().connect() + result.okLatency().getTotalCount())
                    .isGreaterThanOrEqualTo(195);
            assertThat(result.interrupted()).isFalse();
        }
    }

    @Test
    void unreachableTargetFailsTheProbeWithExit3() throws Exception {
        int port;
        try (TestServer server = TestServer.start(0)) {
            port = server.port();
        }
        LoadConfig config = open("http://127.0.0.1:" + port + "/", 10, 1, Duration.ofSeconds(1));
        try (LoadGenerator generator = new LoadGenerator(config, ProgressListener.NONE)) {
            assertThatThrownBy(generator::probe).isInstanceOf(ApituneException.class)
                    .hasMessageContaining("unreachable")
                    .satisfies(e -> assertThat(((ApituneException) e).exitCode()).isEqualTo(3));
        }
    }
}
