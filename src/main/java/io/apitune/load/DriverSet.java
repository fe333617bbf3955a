package io.apitune.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * The drivers of one run, one per lane, and their recorders: starts, switches and stops them
 * together and adds up what they publish.
 *
 * <p>Thread model: used by the generator's thread only; the drivers do their work on their
 * lanes and publish counters safely (see {@link Driver}).
 */
final class DriverSet {
    private static final long LANE_ANSWER_SECONDS = 2;

    private final List<Driver> drivers = new ArrayList<>();
    private final List<LaneRecorder> warmupRecorders = new ArrayList<>();
    private final List<LaneRecorder> measuredRecorders = new ArrayList<>();

    /**
     * Splits this shard's share of the schedule (the shard's own share of the run: {@link Shard})
     * and request count over the lanes; each lane gets a slot for every stream of its connections
     * (the transport already holds only this shard's connections) and its own
     * {@link LaneTraffic} over the run's requests and this shard's feeder rows.
     */
    DriverSet(LoadConfig config, Transport transport, RequestTemplate template, List<Feeder> feeders) {
        int lanes = transport.lanes().size();
        Shard shard = config.shard();
        long seed = System.nanoTime();
        int streams = transport.streamsPerConnection();
        CompiledRequest[] requests = template.compiled();
        ResponseChecks[] checks = new ResponseChecks[requests.length];
        int[] checkCounts = new int[requests.length];
        for (int r = 0; r < requests.length; r++) {
            checks[r] = requests[r].checks;
            checkCounts[r] = checks[r].names().size();
        }
        double[] weights = config.mix().isMix()
                ? config.mix().requests().stream().mapToDouble(MixRequest::weight).toArray()
                : new double[] {1};
        KeyChooser keys = new KeyChooser(config.keys(), shard);
        AtomicLong sequence = new AtomicLong();
        for (int i = 0; i < lanes; i++) {
            LaneRecorder warmup = new LaneRecorder(checkCounts);
            LaneRecorder measured = new LaneRecorder(checkCounts);
            warmupRecorders.add(warmup);
            measuredRecorders.add(measured);
            Transport.Lane lane = transport.lanes().get(i);
            // Every stream of every connection of the lane, so the calls spread evenly over them.
            int slots = lane.connections() * streams;
            long limit = config.requests() == null ? Long.MAX_VALUE
                    : share(config.shardRequests(), i, lanes);
            LaneTraffic traffic = new LaneTraffic(template, weights, keys, sequence, shard, feeders);
            // Slices of the whole run (every shard's lanes), so shards split rate and stages exactly.
            int slice = shard.slice(i, lanes);
            int slices = shard.slices(lanes);
            drivers.add(config.open()
                    ? new OpenDriver(lane, slots, config, slice, slices, limit, seed, traffic, checks,
                            warmup, measured)
                    : new ClosedDriver(lane, slots, config, limit, slice, slices, traffic, checks,
                            warmup, measured));
        }
    }

    /** Share {@code index} of {@code total} split over {@code parts}: the first ones get one more. */
    private static long share(long total, int index, int parts) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    List<LaneRecorder> warmupRecorders() {
        return warmupRecorders;
    }

    List<LaneRecorder> measuredRecorders() {
        return measuredRecorders;
    }

    void start(long originNanos, long windowNanos, boolean measured) {
        for (Driver driver : drivers) {
            driver.requestStart(originNanos, originNanos + windowNanos, measured);
        }
    }

    /** Wakes every lane with an empty task from this thread (see {@link Driver#wakeFromOutside}). */
    void wakeLanes() {
        for (Driver driver : drivers) {
            driver.wakeFromOutside();
        }
    }

    /** Ends warm-up on every lane and waits until each has switched. */
    void startMeasurement(long startNanos, long windowNanos) {
        List<CountDownLatch> switched = new ArrayList<>();
        for (Driver driver : drivers) {
            switched.add(driver.requestMeasurement(startNanos, startNanos + windowNanos));
        }
        await(switched);
    }

    /** Stops every lane and waits until each has (see {@link Driver#requestStop}). */
    void stop(long endNanos, boolean countUnfinished) {
        List<CountDownLatch> stops = new ArrayList<>();
        for (Driver driver : drivers) {
            stops.add(driver.requestStop(endNanos, countUnfinished));
        }
        // Stopped lanes ignore the failures that closing their connections delivers later.
        await(stops);
    }

    /** Test hook: every lane's thread sleeps {@code stallNanos}, {@code delayNanos} from now. */
    void stallLanes(long delayNanos, long stallNanos) {
        for (Driver driver : drivers) {
            driver.requestOnLane(() -> LockSupport.parkNanos(stallNanos), delayNanos);
        }
    }

    private static void await(List<CountDownLatch> latches) {
        try {
            for (CountDownLatch latch : latches) {
                latch.await(LANE_ANSWER_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean allIssued() {
        return drivers.stream().allMatch(Driver::isIssuingDone);
    }

    /** True when a feeder that stops the run ran out of rows on some lane. */
    boolean feederEnded() {
        return drivers.stream().anyMatch(Driver::feederEnded);
    }

    /** True once every measured request sent has an outcome. */
    boolean allAnswered() {
        long done = 0;
        for (LaneRecorder recorder : measuredRecorders) {
            done += recorder.ok() + recorder.ko();
        }
        return done >= sent();
    }

    long sent() {
        return drivers.stream().mapToLong(Driver::measuredSent).sum();
    }

    long waitedForConnection() {
        return drivers.stream().mapToLong(Driver::measuredWaited).sum();
    }

    long notSent() {
        return drivers.stream().mapToLong(Driver::notSent).sum();
    }

    long warmupDropped() {
        return drivers.stream().mapToLong(Driver::warmupDropped).sum();
    }

    /** Per lane, its heartbeat lateness; only after {@link #stop}. */
    List<Histogram> heartbeats() {
        return drivers.stream().map(Driver::heartbeatLateness).toList();
    }

    /** {@link System#nanoTime()} of the latest measured outcome on any lane, or 0. */
    long lastDoneNanos() {
        long last = 0;
        for (LaneRecorder recorder : measuredRecorders) {
            long done = recorder.lastDoneNanos();
            if (done != 0 && (last == 0 || done - last > 0)) {
                last = done;
            }
        }
        return last;
    }
}
