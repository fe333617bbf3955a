package io.apitune.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.apitune.ApituneException;
import org.HdrHistogram.Histogram;

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
 * then count as timeouts, requests intended but never sent as {@code notSent}.
 *
 * <p>Thread model: {@link #probe()} and {@link #run()} are called by one thread, which becomes
 * the interval sampler (once a second it swaps the recorders, appends the interval log and
 * reports progress). Requests are sent and answered on the lanes' threads. {@link #stop()} may
 * be called from any thread, e.g. a shutdown hook.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long POLL_NANOS = 10_000_000L;
    private static final long LANE_ANSWER_SECONDS = 2;

    private final LoadConfig config;
    private final ProgressListener listener;
    private final RequestTemplate template;
    private final Transport transport;
    private final List<Driver> drivers = new ArrayList<>();
    private final List<LaneRecorder> warmupRecorders = new ArrayList<>();
    private final List<LaneRecorder> measuredRecorders = new ArrayList<>();
    private volatile boolean stopRequested;
    private long stallDelayNanos = -1;
    private long stallNanos;
    private boolean adaptiveWarmup = true;

    public LoadGenerator(LoadConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
        this.template = new RequestTemplate(config.request(), new KeyChooser(config.keys()));
        int lanes = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                config.connections()));
        this.transport = new AhcTransport(template, lanes, config.timeout());
        long seed = System.nanoTime();
        int slotsTotal = config.connections() * transport.streamsPerConnection();
        for (int i = 0; i < lanes; i++) {
            LaneRecorder warmup = new LaneRecorder();
            LaneRecorder measured = new LaneRecorder();
            warmupRecorders.add(warmup);
            measuredRecorders.add(measured);
            Transport.Lane lane = transport.lanes().get(i);
            int slots = share(slotsTotal, i, lanes);
            long limit = config.requests() == null ? Long.MAX_VALUE : share(config.requests(), i, lanes);
            drivers.add(config.open()
                    ? new OpenDriver(lane, slots, config, i, lanes, limit, seed, warmup, measured)
                    : new ClosedDriver(lane, slots, config, limit, warmup, measured));
        }
    }

    /** Share {@code index} of {@code total} split over {@code parts}: the first ones get one more. */
    private static int share(long total, int index, int parts) {
        return (int) Math.min(Integer.MAX_VALUE, total / parts + (index < total % parts ? 1 : 0));
    }

    /**
     * Sends one request (not measured) and waits for any HTTP response.
     *
     * @throws ApituneException exit 3 when the target cannot be reached
     */
    public void probe() {
        String url = template.urlForKey(1);
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Transport.Lane lane = transport.lanes().get(0);
        Transport.Call call = lane.newCall(new Transport.Outcome() {
            @Override
            public void completed(int status, long doneNanos) {
                answer.complete(status);
            }

            @Override
            public void failed(Throwable cause, long doneNanos) {
                answer.completeExceptionally(cause);
            }
        });
        lane.execute(call::send);
        try {
            answer.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ApituneException.targetFailure("target " + url + " is unreachable: "
                    + describe(cause), cause);
        } catch (TimeoutException e) {
            lane.execute(() -> call.abort(e));
            throw ApituneException.targetFailure("target " + url + " did not answer within "
                    + config.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApituneException.targetFailure("interrupted while probing " + url, e);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
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

    /** Warms up, measures, and returns the result; blocks for the length of the run. */
    public LoadResult run() {
        long warmupNanos = config.warmup().toNanos();
        long origin = System.nanoTime();
        boolean warm = warmupNanos > 0;
        long window = config.duration() == null ? Driver.FAR_NANOS : config.duration().toNanos();
        for (Driver driver : drivers) {
            driver.requestStart(origin, origin + window, !warm);
        }
        long start = origin;
        if (warm) {
            listener.warmupStarted(warmupNanos / 1e9);
            start = new Warmup(warmupRecorders).await(origin, warmupNanos,
                    config.open() && adaptiveWarmup,
                    () -> stopRequested);
            List<CountDownLatch> switched = new ArrayList<>();
            for (Driver driver : drivers) {
                switched.add(driver.requestMeasurement(start, start + window));
            }
            awaitLanes(switched);
        }
        long startEpochMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000L;
        listener.measurementStarted((start - origin) / 1e9, warmupDropped());
        ResourceMeter.Reading before = ResourceMeter.read(laneThreadIds());
        scheduleStall();
        Sampler sampler = new Sampler(measuredRecorders, listener, start, startEpochMillis,
                plannedSeconds(), plannedRequests());
        long deadline = config.duration() == null ? 0 : start + window + config.timeout().toNanos();
        long end = measure(sampler, deadline);
        boolean unfinished = end != 0;
        long stopNanos = unfinished ? end : System.nanoTime();
        List<CountDownLatch> stops = new ArrayList<>();
        for (Driver driver : drivers) {
            stops.add(driver.requestStop(stopNanos, unfinished));
        }
        awaitLanes(stops);
        ResourceMeter.Reading after = ResourceMeter.read(laneThreadIds());
        sampler.sample(System.nanoTime());
        listener.finished();
        long endNanos = endNanos(start, unfinished, stopNanos);
        return result(sampler, start, startEpochMillis, endNanos,
                new ResultParts(origin, before, after));
    }

    private record ResultParts(long originNanos, ResourceMeter.Reading before,
            ResourceMeter.Reading after) {
    }

    private LoadResult result(Sampler sampler, long start, long startEpochMillis, long endNanos,
            ResultParts parts) {
        long durationNanos = Math.max(0, endNanos - start);
        long sent = 0;
        long waited = 0;
        long notSent = 0;
        List<Histogram> heartbeats = new ArrayList<>();
        for (Driver driver : drivers) {
            heartbeats.add(driver.heartbeatLateness());
            sent += driver.measuredSent();
            waited += driver.measuredWaited();
            notSent += driver.notSent();
        }
        ResourceMeter.Usage usage = ResourceMeter.between(parts.before(), parts.after());
        GeneratorHealth health = new HealthReport(sampler, usage, drivers.size())
                .health(config, (start - parts.originNanos()) / 1e9, warmupDropped(), sent,
                        waited, notSent, heartbeats, durationNanos / 1e9);
        return new LoadResult(startEpochMillis, startEpochMillis + durationNanos / 1_000_000L,
                durationNanos, sampler.ok() + sampler.ko(), sampler.ok(), sampler.ko(),
                sampler.errors(), sampler.totalOkLatency(), sampler.totalOkService(),
                sampler.totalFailureLatency(), sampler.timeline(), sampler.log(), stopRequested,
                health);
    }

    private void scheduleStall() {
        if (stallDelayNanos >= 0) {
            long length = stallNanos;
            for (Driver driver : drivers) {
                driver.requestOnLane(() -> LockSupport.parkNanos(length), stallDelayNanos);
            }
        }
    }

    private long warmupDropped() {
        long dropped = 0;
        for (Driver driver : drivers) {
            dropped += driver.warmupDropped();
        }
        return dropped;
    }

    private long[] laneThreadIds() {
        return transport.lanes().stream().mapToLong(Transport.Lane::threadId).toArray();
    }

    private static void awaitLanes(List<CountDownLatch> latches) {
        try {
            for (CountDownLatch latch : latches) {
                latch.await(LANE_ANSWER_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The end of the measured window: the stop, or the last completion but never before the
     * planned duration is over (requests intended in [0, D) make a window of D).
     */
    private long endNanos(long start, boolean unfinished, long stopNanos) {
        long last = 0;
        for (LaneRecorder recorder : measuredRecorders) {
            long done = recorder.lastDoneNanos();
            if (done != 0 && (last == 0 || done - last > 0)) {
                last = done;
            }
        }
        if (stopRequested || unfinished || last == 0) {
            return stopNanos;
        }
        if (config.duration() != null) {
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
        while (!stopRequested) {
            long now = System.nanoTime();
            if (allIssued()) {
                if (measuredDone() >= measuredSent()) {
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
                sampler.sample(now);
                continue;
            }
            long wake = deadline != 0 && deadline - next < 0 ? deadline : next;
            LockSupport.parkNanos(Math.max(1, Math.min(POLL_NANOS, wake - now)));
        }
        return 0;
    }

    private boolean allIssued() {
        for (Driver driver : drivers) {
            if (!driver.isIssuingDone()) {
                return false;
            }
        }
        return true;
    }

    private long measuredSent() {
        long sent = 0;
        for (Driver driver : drivers) {
            sent += driver.measuredSent();
        }
        return sent;
    }

    private long measuredDone() {
        long done = 0;
        for (LaneRecorder recorder : measuredRecorders) {
            done += recorder.ok() + recorder.ko();
        }
        return done;
    }

    private double plannedSeconds() {
        return config.duration() == null ? 0 : config.duration().toNanos() / 1e9;
    }

    private long plannedRequests() {
        return config.requests() == null ? 0 : config.requests();
    }

    @Override
    public void close() {
        List<CountDownLatch> stops = new ArrayList<>();
        for (Driver driver : drivers) {
            stops.add(driver.requestStop(System.nanoTime(), false));
        }
        // Stopped lanes ignore the failures that closing their connections delivers.
        awaitLanes(stops);
        transport.close();
    }
}
