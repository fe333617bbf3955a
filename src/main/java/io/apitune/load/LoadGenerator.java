package io.apitune.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.apitune.ApituneException;

/**
 * Runs one {@link LoadConfig} against its URL: probes the target, warms up, measures, judges
 * its own health and returns a {@link LoadResult}. Open model (intended send times,
 * coordinated-omission-free) or closed model, over a {@link Transport}.
 *
 * <p>The load is split over the transport's lanes (one I/O thread each, as many as cores, at
 * most one per connection): each lane owns its share of the connections, its slice of the
 * schedule and its recorders, and nothing is shared between lanes on the hot path.
 *
 * <p>A run ends at its duration plus its timeout whatever the rate: requests still in flight
 * then count as timeouts, requests intended but never sent as {@code notSent}. It ends earlier
 * when a feeder that stops the run runs out of rows (the window then ends at the last answer),
 * and when its {@link IntervalHook} says so (a gate failed on its window: {@code abortedBy}).
 *
 * <p>Thread model: {@link #probe()} and {@link #run()} are called by one thread, which becomes
 * the interval sampler (once a second it swaps the recorders, appends the interval log and
 * reports progress). Requests are sent and answered on the lanes' threads. {@link #stop()} may
 * be called from any thread, e.g. a shutdown hook.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long POLL_NANOS = 10_000_000L;

    private final LoadConfig config;
    private final ProgressListener listener;
    private final RequestTemplate template;
    private final List<Feeder> feeders;
    private final Transport transport;
    /** Made once the probe has told the transport the server's stream limit (or at the run). */
    private DriverSet drivers;
    private IntervalHook hook = IntervalHook.NONE;
    private volatile boolean stopRequested;
    private volatile String abortedBy;
    private long stallDelayNanos = -1;
    private long stallNanos;
    private boolean adaptiveWarmup = true;

    /**
     * Compiles the run's requests and opens its feeders.
     *
     * @throws ApituneException exit 2 when a feeder's file cannot be read or is malformed
     */
    public LoadGenerator(LoadConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
        this.template = new RequestTemplate(config);
        this.feeders = openFeeders(config.mix().feeders(), config.shard());
        // This shard's connections only, split over the lanes.
        int connections = config.shardConnections();
        int lanes = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), connections));
        try {
            this.transport = config.transport().protocol().http2()
                    ? new Http2Transport(template, lanes, connections, config.timeout(), config.transport())
                    : new Http1Transport(template, lanes, connections, config.timeout(), config.transport());
        } catch (RuntimeException e) {
            feeders.forEach(Feeder::close);
            throw e;
        }
    }

    private static List<Feeder> openFeeders(List<FeederSpec> specs, Shard shard) {
        List<Feeder> opened = new ArrayList<>();
        long seed = System.nanoTime();
        for (FeederSpec spec : specs) {
            try {
                opened.add(Feeder.open(spec, shard, seed + opened.size()));
            } catch (IOException | RuntimeException e) {
                opened.forEach(Feeder::close);
                throw ApituneException.invalidInput("feeder " + spec.name() + ": " + spec.file() + " "
                        + (e instanceof IOException ? "cannot be read (" + e.getMessage() + ")" : e.getMessage()));
            }
        }
        return opened;
    }

    /**
     * Sends one request (not measured) and waits for any HTTP response; learns the protocol the
     * server answered with and, over HTTP/2, its stream limit.
     *
     * @throws io.apitune.ApituneException exit 3 when the target cannot be reached, or answered
     *         HTTP/1.1 to a run that asked for HTTP/2
     */
    public void probe() {
        TransportConfig.Protocol asked = config.transport().protocol();
        String url = template.probeUrl();
        // A server that answers HTTP/2 with HTTP/1.1 fails the probe (Http2Failure.NotHttp2).
        TargetProbe.probe(transport.lanes().get(0), url, config.timeout(),
                asked.http2() ? " over " + asked.wire() : "");
    }

    /** Shows every measured interval to {@code hook}, which may end the run. Before {@link #run()}. */
    public void intervalHook(IntervalHook value) {
        this.hook = value;
    }

    /** The drivers, made on first use with the streams per connection known by then. */
    private DriverSet drivers() {
        if (drivers == null) {
            drivers = new DriverSet(config, transport, template, feeders);
        }
        return drivers;
    }

    /** Ends the run early; {@link #run()} returns soon with an interrupted result. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Test hook: a designed generator stall. {@code delayNanos} after measurement starts, every
     * lane's thread sleeps for {@code stallNanos}, as a GC pause or a starved core would stop it.
     */
    void stallLanesAfterMeasureStart(long delayNanos, long stallNanos) {
        this.stallDelayNanos = delayNanos;
        this.stallNanos = stallNanos;
    }

    /** Test hook: warm-up lasts the whole {@code --warmup} even when the schedule is kept. */
    void keepFullWarmup() {
        this.adaptiveWarmup = false;
    }

    /**
     * Warms up, measures, and returns the result; blocks for the length of the run. With a
     * start time ({@link LoadConfig#startAt()}) it waits, warms up in the {@code --warmup} before
     * it (less when it is nearer), and starts measuring exactly then.
     *
     * @throws ApituneException exit 3 when the start time has already passed
     */
    public LoadResult run() {
        long warmupNanos = config.warmup().toNanos();
        long origin = System.nanoTime();
        if (config.startAt() != null) {
            long startNanos = CommonStart.nanoTimeOf(config.startAt());
            origin = CommonStart.awaitOrigin(config.startAt(), startNanos, warmupNanos,
                    () -> stopRequested);
            warmupNanos = startNanos - origin;
        }
        long window = config.duration() == null ? Driver.FAR_NANOS : config.duration().toNanos();
        DriverSet drivers = drivers();
        Sampler sampler = new Sampler(drivers.measuredRecorders(), template.names(), listener, hook,
                new Sampler.Plan(plannedSeconds(), plannedRequests(),
                        config.open() ? config.rateProfile() : null, config.connectionProfile(),
                        1.0 / config.shard().count()));
        // Read once before any traffic: the first reading loads the management beans (about
        // 20 ms), which would otherwise share the lanes' core in the first measured second.
        ResourceMeter.read(laneThreadIds());
        drivers.start(origin, window, warmupNanos == 0);
        long start = origin;
        if (warmupNanos > 0) {
            listener.warmupStarted(warmupNanos / 1e9);
            start = new Warmup(drivers.warmupRecorders(), drivers::wakeLanes).await(origin, warmupNanos,
                    config.open(), adaptiveWarmup && config.startAt() == null,
                    () -> stopRequested || drivers.feederEnded());
            drivers.startMeasurement(start, window);
        }
        long startEpochMillis = config.startAt() != null && !stopRequested ? config.startAt().toEpochMilli()
                : System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L;
        listener.measurementStarted((start - origin) / 1e9, drivers.warmupDropped());
        ResourceMeter.Reading before = ResourceMeter.read(laneThreadIds());
        if (stallDelayNanos >= 0) {
            drivers.stallLanes(stallDelayNanos, stallNanos);
        }
        sampler.begin(start, startEpochMillis);
        long deadline = config.duration() == null ? 0 : start + window + config.timeout().toNanos();
        long end = measure(sampler, deadline);
        boolean unfinished = end != 0;
        long stopNanos = unfinished ? end : System.nanoTime();
        drivers.stop(stopNanos, unfinished);
        ResourceMeter.Usage usage = ResourceMeter.between(before, ResourceMeter.read(laneThreadIds()));
        sampler.sample(System.nanoTime(), false);
        listener.finished();
        long durationNanos = Math.max(0, endNanos(start, unfinished, stopNanos) - start);
        return result(sampler, usage, (start - origin) / 1e9, startEpochMillis, durationNanos);
    }

    private LoadResult result(Sampler sampler, ResourceMeter.Usage usage, double warmupSeconds,
            long startEpochMillis, long durationNanos) {
        DriverSet drivers = drivers();
        Sampler.Totals totals = sampler.totals();
        GeneratorHealth health = new HealthReport(totals, usage, laneThreadIds().length)
                .health(config, warmupSeconds, drivers.warmupDropped(), drivers.sent(),
                        drivers.waitedForConnection(), drivers.notSent(), drivers.heartbeats(),
                        durationNanos / 1e9);
        List<RequestResult> byRequest = new ArrayList<>();
        List<String> names = template.names();
        for (int r = 0; r < names.size(); r++) {
            byRequest.add(sampler.requestResult(r, names.get(r), template.checkNames(r)));
        }
        return new LoadResult(startEpochMillis, startEpochMillis + durationNanos / 1_000_000L,
                durationNanos, totals.ok() + totals.ko(), totals.ok(), totals.ko(), totals.errors(),
                totals.okLatency(), totals.okService(), totals.failureLatency(), sampler.timeline(),
                sampler.log(),
                stopRequested && abortedBy == null, health,
                new ProtocolUsage(config.transport().protocol().key(), transport.protocol(),
                        transport.streamsPerConnection(), transport.connectionsOpened()),
                byRequest, endedBy(), abortedBy);
    }

    /** Why the run ended before its plan: a feeder out of rows (or unreadable); else null. */
    private String endedBy() {
        for (Feeder feeder : feeders) {
            if (feeder.problem() != null) {
                return feeder.problem();
            }
            if (feeder.ended()) {
                FeederSpec spec = feeder.spec();
                return "feeder " + spec.name() + " ran out of rows (" + spec.strategy().key()
                        + ", at-end: stop)";
            }
        }
        return null;
    }

    private long[] laneThreadIds() {
        return transport.lanes().stream().mapToLong(Transport.Lane::threadId).toArray();
    }

    /**
     * The end of the measured window: the stop, or the last completion but never before the
     * planned duration is over (requests intended in [0, D) make a window of D).
     */
    private long endNanos(long start, boolean unfinished, long stopNanos) {
        long last = drivers().lastDoneNanos();
        if (stopRequested || unfinished || last == 0) {
            return stopNanos;
        }
        if (config.duration() != null && !drivers.feederEnded()) {
            long planned = start + config.duration().toNanos();
            return last - planned >= 0 ? last : planned;
        }
        return last;
    }

    /**
     * Samples every second until every measured request has an outcome, the deadline passes
     * (returned, so that what is unfinished is counted at it) or the run is stopped (0).
     *
     * @param deadline the run's hard end, or 0 when it ends by request count (then it is set
     *                 once everything is sent: the timeout later)
     */
    private long measure(Sampler sampler, long deadline) {
        DriverSet drivers = drivers();
        while (!stopRequested) {
            long now = System.nanoTime();
            if (drivers.allIssued()) {
                if (drivers.allAnswered()) {
                    return 0;
                }
                if (deadline == 0) {
                    deadline = now + config.timeout().toNanos();
                }
            }
            if (deadline != 0 && now - deadline >= 0) {
                return deadline;
            }
            long next = sampler.nextTickNanos();
            if (now - next >= 0) {
                String reason = sampler.sample(now, true);
                if (reason != null) {
                    abortedBy = reason;
                    stopRequested = true;
                }
                continue;
            }
            long wake = deadline != 0 && deadline - next < 0 ? deadline : next;
            LockSupport.parkNanos(Math.max(1, Math.min(POLL_NANOS, wake - now)));
        }
        return 0;
    }

    private double plannedSeconds() {
        return config.duration() == null ? 0 : config.duration().toNanos() / 1e9;
    }

    private long plannedRequests() {
        return config.requests() == null ? 0 : config.shardRequests();
    }

    @Override
    public void close() {
        if (drivers != null) {
            drivers.stop(System.nanoTime(), false);
        }
        transport.close();
        feeders.forEach(Feeder::close);
    }
}
