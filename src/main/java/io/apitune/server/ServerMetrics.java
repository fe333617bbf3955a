package io.apitune.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;

/**
 * The server's Micrometer registry, exported by {@code GET /metrics} in the Prometheus text
 * format: per-mode counters and gauges read from {@link ModeStats} when scraped, one latency
 * histogram per route ({@code apitune_request_seconds}), cache, pool and JVM/GC meters. When
 * disabled ({@code --no-metrics}) there is no registry: {@link #timer} returns null and nothing
 * is recorded.
 *
 * <p>Thread-safe: meters are registered on the starting thread; recording and scraping run
 * concurrently on any thread.
 */
public final class ServerMetrics implements AutoCloseable {
    /** Latency bucket bounds: fine below a millisecond, where the fast modes answer. */
    private static final Duration[] BUCKETS = {Duration.ofNanos(50_000),
        Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
        Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};
    /** Prometheus text format 0.0.4, what {@link PrometheusMeterRegistry#scrape()} writes. */
    static final CharSequence CONTENT_TYPE =
            HttpHeaders.createOptimized("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders = new ArrayList<>();

    private ServerMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        if (registry != null) {
            bindJvm();
        }
    }

    /** @param enabled false: no registry, nothing recorded ({@code --no-metrics}) */
    public static ServerMetrics create(boolean enabled) {
        return new ServerMetrics(enabled ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)
                : null);
    }

    public boolean enabled() {
        return registry != null;
    }

    /** The registry, or null when metrics are off. */
    MeterRegistry registry() {
        return registry;
    }

    /** The latency timer of one route, or null when metrics are off. */
    public Timer timer(String mode, String endpoint) {
        if (registry == null) {
            return null;
        }
        return Timer.builder("apitune.request").description("Server-side latency of a request, "
                + "from routing to the last byte handed to the socket")
                .tag("mode", mode).tag("endpoint", endpoint)
                .serviceLevelObjectives(BUCKETS).register(registry);
    }

    /** Exports every mode's counters, read from {@code stats} at each scrape. */
    void bindModes(ServerStats stats) {
        if (registry == null) {
            return;
        }
        for (Mode mode : Mode.values()) {
            ModeStats m = stats.of(mode);
            String tag = mode.path();
            counter("apitune.mode.requests", "Requests started", tag, m, ModeStats::requests);
            counter("apitune.mode.rejected", "503s of a full worker pool", tag, m,
                    ModeStats::rejected);
            counter("apitune.mode.errors", "Non-2xx answers other than rejections", tag, m,
                    ModeStats::errors);
            counter("apitune.mode.bad.requests", "400s: invalid input", tag, m,
                    ModeStats::badRequests);
            Gauge.builder("apitune.mode.in.flight", m, ModeStats::inFlight)
                    .description("Requests started and not yet answered").tag("mode", tag)
                    .register(registry);
        }
    }

    /** Exports a cache's hits, misses and size. */
    void bindCache(Mode mode, ModeStats stats, LongSupplier size) {
        if (registry == null) {
            return;
        }
        FunctionCounter.builder("apitune.cache.gets", stats, ModeStats::cacheHits)
                .description("Cache lookups").tag("mode", mode.path()).tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("apitune.cache.gets", stats, ModeStats::cacheMisses)
                .description("Cache lookups").tag("mode", mode.path()).tag("result", "miss")
                .register(registry);
        Gauge.builder("apitune.cache.size", size, s -> s.getAsLong()).strongReference(true)
                .description("Entries cached").tag("mode", mode.path()).register(registry);
    }

    /** Exports a bounded worker pool's size, capacity, queue depth and tasks in flight. */
    void bindWorkers(BoundedWorkers workers) {
        if (registry == null) {
            return;
        }
        String pool = workers.name();
        Gauge.builder("apitune.pool.threads", workers, BoundedWorkers::workers)
                .description("Threads of the worker pool").tag("pool", pool).register(registry);
        Gauge.builder("apitune.pool.queue.capacity", workers, BoundedWorkers::queue)
                .description("Tasks that may wait beyond the threads").tag("pool", pool)
                .register(registry);
        Gauge.builder("apitune.pool.queue.depth", workers, BoundedWorkers::queueDepth)
                .description("Tasks waiting for a thread").tag("pool", pool).register(registry);
        Gauge.builder("apitune.pool.in.flight", workers, BoundedWorkers::inFlight)
                .description("Tasks running or waiting").tag("pool", pool).register(registry);
    }

    /** Exports the configured size of a database connection pool. */
    void bindDbPool(String pool, int maxConnections) {
        if (registry == null) {
            return;
        }
        Gauge.builder("apitune.db.pool.max", () -> maxConnections)
                .description("Configured connections of the pool").tag("pool", pool)
                .register(registry);
    }

    /** The Prometheus text exposition of every meter (blocking CPU work: not on an event loop). */
    public String scrape() {
        return registry.scrape();
    }

    private void counter(String name, String help, String mode, ModeStats stats,
            ToDoubleFunction<ModeStats> value) {
        FunctionCounter.builder(name, stats, value).description(help).tag("mode", mode)
                .register(registry);
    }

    private void bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // Closing only unregisters GC listeners; nothing to recover.
            }
        }
        if (registry != null) {
            registry.close();
        }
    }
}
