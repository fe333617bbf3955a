package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import io.apitune.metrics.IntervalLog;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coordinated-omission test: at a constant 1000/s for 10 s, the server holds every response
 * for 1 s in the middle of the run. Latency (from the intended send time) must show the stall;
 * service time (from the actual send) must not; the count must be rate x duration. Over
 * HTTP/1.1 on 5 connections, and over h2c on one connection carrying 50 streams.
 */
class StallIT {
    private static final double RATE = 1000;
    private static final int SECONDS = 10;
    /** A fresh JVM (JIT, connections) lags for its first seconds; warm-up keeps that out. */
    private static final long WARMUP_MILLIS = 3_000;

    static Stream<Arguments> transports() {
        // h2c: one connection, 50 streams. Its p99 bound (theory 900 ms, within 10 %) fails when
        // the generator drains the stall's backlog too slowly, as it did before the h2c lane
        // stopped paying an exception and a write system call per request (p99 4.3 s measured
        // on a machine starved by parallel builds; issue 12).
        return Stream.of(Arguments.of("http/1.1", 5, TransportConfig.DEFAULT),
                Arguments.of("h2c", 1, new TransportConfig(TransportConfig.Protocol.H2C, 50,
                        TransportConfig.Tls.VERIFY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void latencyShowsTheStallServiceTimeDoesNot(String protocol, int connections,
            TransportConfig transport) throws Exception {
        // The stall starts 4.5 s after the warm-up's planned end (the server's clock starts at
        // the probe); warm-up may end earlier, so it is 4.5-6.5 s into measurement, whole
        // inside the 10 s window either way.
        try (TestServer server = TestServer.start(0).stall(WARMUP_MILLIS + 4_500, 1_000)) {
            LoadConfig base = LoadGeneratorIT.open(server.url("/item/{key}"), RATE, connections,
                    Duration.ofSeconds(SECONDS));
            LoadResult result = LoadGeneratorIT.run(new LoadConfig(base.request(), base.keys(),
                    RATE, base.arrival(), connections, base.duration(), null,
                    Duration.ofMillis(WARMUP_MILLIS), Duration.ZERO, base.timeout(), transport));
            assertThat(result.protocol().negotiated()).isEqualTo(protocol);
            assertThat(result.protocol().connectionsOpened()).isEqualTo(connections);

            // Every request intended in [0, 10 s) is counted exactly once: 1000/s x 10 s.
            assertThat(result.attempts()).isEqualTo((long) (RATE * SECONDS));
            assertThat(result.errors().total()).isZero();
            Histogram latency = result.okLatency();
            assertThat(latency.getTotalCount()).isEqualTo(10_000);

            // Arithmetic. The stall covers 1 s of a 10 s run: ~1000 of 10000 requests (10 %).
            // A request intended x s into the stall (0 <= x < 1) completes when the stall ends,
            // so its latency is (1 - x) plus the time to drain the backlog of ~1000 requests
            // over the connections afterwards (~0.1-0.2 s over 5 HTTP/1.1 connections on a busy
            // 2-core loopback; allow 0.35 s).
            // Latencies of stalled requests are thus spread uniformly over (0, 1 s] + drain.
            //   p99   = the top 1 %  = top 10 % of the stalled ones: x < 0.1  -> 0.9 s (+ drain)
            //   p99.9 = the top 0.1 % = x < 0.01                          -> 0.99 s (+ drain)
            //   max   = the first stalled request, x ~ 0                    -> ~1 s (+ drain)
            //   p50: the stall plus the drain after it touch well under half of the requests
            //   (the drain's length depends on how busy the machine is, so p75/p90 are not
            //   asserted) -> loopback times, a few ms.
            assertThat(ms(latency.getValueAtPercentile(99))).isBetween(850.0, 1250.0);
            assertThat(ms(latency.getValueAtPercentile(99.9))).isBetween(950.0, 1350.0);
            assertThat(ms(latency.getMaxValue())).isBetween(980.0, 1400.0);
            assertThat(ms(latency.getValueAtPercentile(50))).isLessThan(100.0);
            int held = connections * result.protocol().streamsPerConnection();
            if (held > 1) {
                // Over h2c the top 1 % are the requests intended in the stall's first 100 ms: the
                // first 50 were on the wire (held to its end), the next 50 go out in the first
                // wave after it, one round trip later. Theory: p99 = 900 ms; within 10 %.
                assertThat(ms(latency.getValueAtPercentile(99))).isBetween(810.0, 990.0);
            }

            // Service time: only the requests on the wire when the stall began were held (5 of
            // 10000 = 0.05 % over HTTP/1.1, 50 = 0.5 % over h2c: both below the top 1 %); the
            // rest waited in apitune's queue for a connection or stream and were sent after the
            // stall. So p99 stays at loopback times while max shows the held requests (~1 s).
            Histogram service = result.okService();
            assertThat(ms(service.getValueAtPercentile(99))).isLessThan(100.0);
            if (held * 1000 < RATE * SECONDS) {
                // (p99.9 gets a generous 500 ms: GC and four other builds share these two
                // cores; it is the ~1 s stall it must not show.)
                assertThat(ms(service.getValueAtPercentile(99.9))).isLessThan(500.0);
            } else {
                // 50 held of 10000: the top 0.1 % are held ones, sent within the stall's first
                // 50 ms and answered at its end.
                assertThat(ms(service.getValueAtPercentile(99.9))).isBetween(900.0, 1400.0);
            }
            // (a held request may have been sent a little after the stall began on a busy host)
            assertThat(ms(service.getMaxValue())).isBetween(800.0, 1400.0);

            // The target stalled, not the generator: neither its send lag nor a shortfall may be
            // blamed on it. (On a machine that starves it of CPU its own stalls would count.)
            assertThat(result.generator().causes()).as(result.generator().reason())
                    .doesNotContain(LimitCause.SEND_LAG, LimitCause.SHORTFALL, LimitCause.CONNECTIONS);
            assertIntervalLogMatches(result);
        }
    }

    /** The .hlog is readable by HdrHistogram's own reader and adds up to the totals. */
    private static void assertIntervalLogMatches(LoadResult result) {
        HistogramLogReader reader = new HistogramLogReader(
                new ByteArrayInputStream(result.log().bytes()));
        long latencyCount = 0;
        long serviceCount = 0;
        int latencyIntervals = 0;
        long maxLatency = 0;
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            Histogram interval = (Histogram) h;
            if (IntervalLog.TAG_LATENCY.equals(interval.getTag())) {
                latencyCount += interval.getTotalCount();
                maxLatency = Math.max(maxLatency, interval.getMaxValue());
                latencyIntervals++;
            } else if (IntervalLog.TAG_SERVICE.equals(interval.getTag())) {
                serviceCount += interval.getTotalCount();
            }
        }
        assertThat(latencyCount).isEqualTo(result.okLatency().getTotalCount());
        assertThat(serviceCount).isEqualTo(result.okService().getTotalCount());
        // One interval a second over ~10 s (the last may be a short remainder).
        assertThat(latencyIntervals).isBetween(SECONDS, SECONDS + 2);
        assertThat(maxLatency).isEqualTo(result.okLatency().getMaxValue());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
