package io.apitune.load;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;

/**
 * Issues one lane's share of a load model: owns the lane's request slots (at most one request
 * each), prepares each request (its pick of the mix, its feeder rows, its templates: see
 * {@link LaneTraffic}), sends on them, records outcomes in the recorder of the request's phase,
 * sweeps timeouts, and measures its own send lag. Subclasses decide when to send.
 *
 * <p>A request waiting for a feeder's row is tried again {@value #WAIT_FOR_ROWS_NANOS} ns later
 * (its intended time stays, so the wait is in its latency and the send lag); a feeder that has
 * run out of rows ends the lane's issuing.
 *
 * <p>Send lag is the actual send time minus the earliest moment the request could have been
 * sent: its intended time, or the moment a slot became free for it, whichever is later. Free
 * slots are taken in the order they were freed, so the slot taken is the one free the longest.
 *
 * <p>Thread model: every method but the {@code request*} ones and the published counters runs
 * on the lane's thread; the {@code request*} methods may be called from any thread and hand
 * their work to the lane. No locks: the lane is single-threaded.
 */
abstract class Driver {
    /** Phase index of warm-up traffic in {@link #recorders}. */
    static final int WARMUP = 0;
    /** Phase index of measured traffic in {@link #recorders}. */
    static final int MEASURED = 1;
    /** A time far enough ahead to stand for "never" in overflow-safe comparisons (146 years). */
    static final long FAR_NANOS = 1L << 62;
    private static final long MIN_SWEEP_NANOS = 1_000_000L;
    /** The sweep doubles as the lane's heartbeat: often enough to see a stall of a few ms. */
    private static final long MAX_SWEEP_NANOS = 10_000_000L;
    /** How long a request waits before asking a feeder again for a row it did not have yet. */
    static final long WAIT_FOR_ROWS_NANOS = 200_000L;
    private static final Runnable NOTHING = () -> { };


    final Transport.Lane lane;
    final long timeoutNanos;
    private final LaneTraffic traffic;
    private final ResponseChecks[] checks;
    /** The next request, prepared; swapped into the slot that sends it. */
    private Outgoing next = new Outgoing();
    private boolean nextReady;
    /**
     * Recorder per phase: warm-up outcomes go through the same code into a throwaway recorder.
     * The hot path picks by index, never by a branch on the phase: a branch never taken during
     * warm-up is compiled by the JIT as a trap, and taking it at the start of measurement would
     * deoptimise the send/complete path inside the measured window (seen as 2-3 slow seconds).
     */
    private final LaneRecorder[] recorders;
    private final Exchange[] slots;
    /** Free slot indexes, a FIFO ring: the head is the slot that has been free the longest. */
    private final int[] free;
    private int freeHead;
    private int freeCount;
    private final long[] sentByPhase = new long[2];
    private final long[] waitedByPhase = new long[2];
    private final AtomicLong measuredSent = new AtomicLong();
    private final AtomicLong measuredWaited = new AtomicLong();
    private final Runnable refillTask = this::refill;
    private final Runnable sweepTask = this::sweep;
    private final long sweepNanos;
    private long sweepDueNanos;
    /**
     * Lateness of every sweep per phase (by index, as the recorders, so no branch on the phase):
     * how long the lane left a due task waiting (its heartbeat). Lane thread only until the
     * stop; read after it.
     */
    private final Histogram[] heartbeatLateness = {Histograms.newHistogram(), Histograms.newHistogram()};
    int phase;
    private boolean stopped;
    private volatile boolean issuingDone;
    private volatile long notSent;
    private volatile long warmupDropped;
    private volatile boolean feederEnded;

    Driver(Transport.Lane lane, int slotCount, long timeoutNanos, LaneTraffic traffic,
            ResponseChecks[] checks, LaneRecorder warmup, LaneRecorder measured) {
        this.lane = lane;
        this.timeoutNanos = timeoutNanos;
        this.traffic = traffic;
        this.checks = checks;
        this.recorders = new LaneRecorder[] {warmup, measured};
        this.slots = new Exchange[slotCount];
        this.free = new int[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = new Exchange(i, this);
            slots[i].call = lane.newCall(slots[i]);
            free[i] = i;
        }
        this.freeCount = slotCount;
        this.sweepNanos = Math.max(MIN_SWEEP_NANOS, Math.min(MAX_SWEEP_NANOS, timeoutNanos / 16));
    }

    /**
     * Starts sending, in warm-up when {@code measured} is false (until
     * {@link #requestMeasurement}), else measured from {@code originNanos}.
     */
    final void requestStart(long originNanos, long windowEndNanos, boolean measured) {
        lane.execute(() -> {
            for (Exchange slot : slots) {
                slot.freedNanos = originNanos;
            }
            if (measured) {
                phase = MEASURED;
                beginMeasured(originNanos, windowEndNanos);
            } else {
                beginWarmup(originNanos);
            }
            sweepDueNanos = System.nanoTime() + sweepNanos;
            lane.schedule(sweepTask, sweepNanos);
            refill();
        });
    }

    /**
     * Ends warm-up: measurement starts at {@code startNanos}; its window ends at the second.
     *
     * @return counted down on the lane once measurement has started there
     */
    final CountDownLatch requestMeasurement(long startNanos, long windowEndNanos) {
        CountDownLatch started = new CountDownLatch(1);
        lane.execute(() -> {
            if (!stopped) {
                warmupDropped = dropWarmup(startNanos);
                phase = MEASURED;
                beginMeasured(startNanos, windowEndNanos);
                refill();
            }
            started.countDown();
        });
        return started;
    }

    /**
     * Stops the lane at {@code endNanos}. With {@code countUnfinished}, measured requests still
     * in flight are recorded as timeouts at {@code endNanos} and measured requests never sent
     * are counted in {@link #notSent()}. Outcomes arriving later are ignored.
     *
     * @return counted down on the lane once it has stopped
     */
    final CountDownLatch requestStop(long endNanos, boolean countUnfinished) {
        CountDownLatch stoppedLatch = new CountDownLatch(1);
        lane.execute(() -> {
            if (!stopped && countUnfinished) {
                for (Exchange slot : slots) {
                    if (slot.busy && slot.recorder == recorders[MEASURED]) {
                        slot.recorder.recordFailure(slot.outgoing.request, ErrorKind.TIMEOUT,
                                slot.intendedNanos, endNanos);
                    }
                }
                notSent = phase == MEASURED ? unsent() : 0;
            }
            stopped = true;
            stoppedLatch.countDown();
        });
        return stoppedLatch;
    }

    /**
     * Hands the lane an empty task from this thread, which is not the lane's: during warm-up, so
     * that the JIT has seen the lane woken from outside before ending warm-up does it (see
     * {@link Warmup}).
     */
    final void wakeFromOutside() {
        lane.execute(NOTHING);
    }

    /** Runs {@code task} on the lane (a test hook: a designed generator stall). */
    final void requestOnLane(Runnable task, long delayNanos) {
        lane.schedule(task, delayNanos);
    }

    /** Prepares the warm-up schedule from {@code originNanos}. Lane thread. */
    abstract void beginWarmup(long originNanos);

    /** Prepares the measured schedule. Lane thread. */
    abstract void beginMeasured(long startNanos, long windowEndNanos);

    /** Drops warm-up requests intended before {@code startNanos} and not sent; returns how many. */
    abstract long dropWarmup(long startNanos);

    /** Measured requests intended in the window and never sent. Lane thread, at the stop. */
    abstract long unsent();

    /** Sends what is due on free slots. Lane thread. */
    abstract void refill();

    /** After a completion freed a slot, inline on the lane thread. */
    abstract void afterRelease(long doneNanos);

    /** After each sweep (every few ms) on the lane thread: a chance to follow a changing level. */
    void afterSweep() {
    }

    /** The compiled checks of request {@code index}. */
    final ResponseChecks checks(int index) {
        return checks[index];
    }

    /**
     * Prepares the next request unless one is prepared already: {@link LaneTraffic#READY};
     * {@link LaneTraffic#WAIT} after arranging a retry; {@link LaneTraffic#END} once a feeder has
     * run out of rows (then {@link #feederEnded()} is true).
     */
    final int prepare() {
        if (nextReady) {
            return LaneTraffic.READY;
        }
        int result = traffic.prepare(next);
        if (result == LaneTraffic.READY) {
            nextReady = true;
        } else if (result == LaneTraffic.WAIT) {
            lane.schedule(refillTask, WAIT_FOR_ROWS_NANOS);
        } else {
            feederEnded = true;
        }
        return result;
    }

    /** True once a feeder that stops the run ran out of rows on this lane. Any thread. */
    final boolean feederEnded() {
        return feederEnded;
    }

    /** True while outcomes are recorded (until the stop). */
    final boolean recording() {
        return !stopped;
    }

    final boolean stopped() {
        return stopped;
    }

    final int freeSlots() {
        return freeCount;
    }

    /** Requests on the wire. */
    final int inFlight() {
        return slots.length - freeCount;
    }

    /** The slot free the longest. Only when {@link #freeSlots()} > 0. */
    final Exchange takeSlot() {
        Exchange slot = slots[free[freeHead]];
        freeHead = freeHead + 1 == free.length ? 0 : freeHead + 1;
        freeCount--;
        return slot;
    }

    /**
     * Sends the prepared request ({@link #prepare()}) on {@code slot} now. {@code earliestNanos}
     * is when it could first have been sent; the difference to now is recorded as send lag.
     */
    final void sendOn(Exchange slot, long intendedNanos, long earliestNanos, long nowNanos) {
        LaneRecorder recorder = recorders[phase];
        Outgoing request = next;
        next = slot.outgoing;
        slot.outgoing = request;
        nextReady = false;
        slot.intendedNanos = intendedNanos;
        slot.sentNanos = nowNanos;
        slot.recorder = recorder;
        slot.busy = true;
        recorder.recordSendLag(nowNanos - earliestNanos, nowNanos - intendedNanos);
        sentByPhase[phase]++;
        // 1 when the request found no free slot at its intended time (computed without a branch)
        waitedByPhase[phase] += (intendedNanos - earliestNanos) >>> 63;
        measuredSent.lazySet(sentByPhase[MEASURED]);
        measuredWaited.lazySet(waitedByPhase[MEASURED]);
        slot.call.send(request);
    }

    /** A slot's request ended. After a failure the next send waits for a fresh lane task. */
    final void released(Exchange slot, long doneNanos, boolean failed) {
        slot.busy = false;
        slot.freedNanos = doneNanos;
        free[(freeHead + freeCount) % free.length] = slot.index;
        freeCount++;
        if (stopped) {
            return;
        }
        if (failed) {
            // A failure can be delivered inside send(); sending again inline could recurse
            // without bound against a dead target.
            lane.execute(refillTask);
        } else {
            afterRelease(doneNanos);
        }
    }

    /** Times out requests older than the timeout (one pass over the slots), then re-arms. */
    private void sweep() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        heartbeatLateness[phase].recordValue(Histograms.clampNanos(now - sweepDueNanos));
        for (Exchange slot : slots) {
            if (slot.busy && now - slot.sentNanos >= timeoutNanos) {
                slot.call.abort(Exchange.SWEPT);
            }
        }
        sweepDueNanos = now + sweepNanos;
        lane.schedule(sweepTask, sweepNanos);
        afterSweep();
    }

    /** Marks that every measured request has been sent. Lane thread. */
    final void issuingDone() {
        issuingDone = true;
    }

    /** True once every measured request has been sent. Any thread. */
    final boolean isIssuingDone() {
        return issuingDone;
    }

    /** Measured requests sent so far. Any thread. */
    final long measuredSent() {
        return measuredSent.get();
    }

    /** Measured requests that found every slot busy at their intended time. Any thread. */
    final long measuredWaited() {
        return measuredWaited.get();
    }

    /**
     * Lateness of the lane's heartbeat (the sweep, every 10 ms at most) while measuring, in
     * nanoseconds. Read only after {@link #requestStop}'s latch: the lane writes it until then.
     */
    final Histogram heartbeatLateness() {
        return heartbeatLateness[MEASURED];
    }

    /** Measured requests never sent (set at the stop). Any thread. */
    final long notSent() {
        return notSent;
    }

    /** Warm-up requests dropped at the start of measurement. Any thread. */
    final long warmupDropped() {
        return warmupDropped;
    }

}
