package io.apitune.jmh;

import java.util.concurrent.TimeUnit;

import io.apitune.server.Endpoint;
import io.apitune.server.ModeStats;
import io.apitune.server.ServerMetrics;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the server's per-request bookkeeping costs, with its own {@link Endpoint} and
 * {@link ServerMetrics}: {@code record} is one request counted in its mode's {@link ModeStats}
 * and, with {@code metrics=on}, timed into the route's Micrometer timer (Prometheus histogram of
 * 17 buckets, count, sum, max) as every request of {@code apitune serve} is; {@code metrics=off}
 * is {@code --no-metrics}. {@code scrape} renders the whole registry as {@code GET /metrics}
 * does (JVM, GC and pool meters included), once per scrape rather than per request.
 *
 * <p>Run: {@code apitune jmh MetricsBench}. The difference of the two {@code record} scores is
 * the per-request price of {@code /metrics}; {@code scripts/metrics-overhead.sh} measures the
 * same end to end with wrk.
 *
 * <p>Thread model: one benchmark thread; the endpoint and registry are thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBench {
    /** {@code on}: Micrometer timer per request; {@code off}: counters only. */
    @Param({"on", "off"})
    String metrics;

    private ServerMetrics registry;
    private Endpoint endpoint;

    @Setup
    public void createEndpoint() {
        registry = ServerMetrics.create("on".equals(metrics));
        endpoint = new Endpoint(ModeStats.plain(), registry.timer("none", "plaintext"));
    }

    @TearDown
    public void close() {
        registry.close();
    }

    @Benchmark
    public long record() {
        long startNanos = endpoint.started();
        endpoint.finished(startNanos, 200, false);
        return startNanos;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String scrape() {
        return registry.enabled() ? registry.scrape() : "";
    }
}
