package io.apitune.load;

/**
 * The open model on one lane: the lane's slice of the schedule (constant or Poisson spacing of
 * a constant rate, a ramp, or stages; see {@link Schedule}) gives each request an intended send
 * time. The lane sends
 * every due request while it has a free slot, and arms one timer for the next intended time when
 * nothing is due; a completion that frees a slot sends the next due request at once, on the same
 * thread. There is no queue: the schedule itself is the backlog, so a rate of any size costs no
 * memory, and requests the lane never reached are counted, not enumerated.
 *
 * <p>Latency is measured from the intended time, so waiting for a slot or a late lane never
 * hides delay; the lane's own lateness is recorded as send lag.
 *
 * <p>Thread model: lane thread only (see {@link Driver}).
 */
final class OpenDriver extends Driver {
    private final double warmupRate;
    private final Profile rate;
    private final boolean poisson;
    private final long seed;
    private final int slice;
    private final int slices;
    private final long windowNanos;
    private final long measuredLimit;
    private final Runnable timerTask = this::onTimer;
    private Schedule schedule;
    private long originNanos;
    private long endOffsetNanos;
    private long countLimit;
    private long issuedInPhase;
    /** Intended time of the next request; valid unless {@link #exhausted}. */
    private long nextIntendedNanos;
    private boolean exhausted;
    private long armedForNanos;
    private boolean armed;

    /**
     * @param slice         this lane's slice of the whole schedule, of {@code slices} (lanes of
     *                      every shard together; see {@link Shard#slice})
     * @param measuredLimit measured requests of this lane at most ({@code --requests} share)
     */
    OpenDriver(Transport.Lane lane, int slotCount, LoadConfig config, int slice, int slices,
            long measuredLimit, long seed, LaneTraffic traffic, ResponseChecks[] checks,
            LaneRecorder warmup, LaneRecorder measured) {
        super(lane, slotCount, config.timeout().toNanos(), traffic, checks, warmup, measured);
        this.warmupRate = config.warmupLevel();
        this.rate = config.rateProfile();
        this.poisson = config.arrival() == LoadConfig.Arrival.POISSON;
        this.seed = seed;
        this.slice = slice;
        this.slices = slices;
        this.windowNanos = config.duration() == null ? FAR_NANOS : config.duration().toNanos();
        this.measuredLimit = measuredLimit;
    }

    @Override
    void beginWarmup(long originNanos) {
        start(new Schedule(Profile.constant(warmupRate, 0), poisson, seed, slice, slices),
                originNanos, FAR_NANOS, Long.MAX_VALUE);
    }

    @Override
    void beginMeasured(long startNanos, long windowEndNanos) {
        start(new Schedule(rate, poisson, seed + slices, slice, slices), startNanos, windowNanos,
                measuredLimit);
    }

    private void start(Schedule next, long origin, long endOffset, long limit) {
        schedule = next;
        originNanos = origin;
        endOffsetNanos = endOffset;
        countLimit = limit;
        issuedInPhase = 0;
        exhausted = false;
        armed = false;
        advance();
    }

    @Override
    long dropWarmup(long startNanos) {
        return remainingBefore(startNanos - originNanos);
    }

    @Override
    long unsent() {
        // Requests a feeder's end cancelled were never part of what was asked.
        return feederEnded() ? 0 : remainingBefore(endOffsetNanos);
    }

    /** Requests of the current schedule intended before {@code offsetNanos} and not yet sent. */
    private long remainingBefore(long offsetNanos) {
        if (exhausted || nextIntendedNanos - originNanos >= offsetNanos) {
            return 0;
        }
        long left = countLimit - issuedInPhase;
        return Math.min(left, 1 + schedule.countBefore(offsetNanos));
    }

    /** The schedule or a feeder ran out: no more requests in this phase. */
    private void endIssuing() {
        exhausted = true;
        if (phase == MEASURED) {
            issuingDone();
        }
    }

    /** Moves to the next intended time, or marks the schedule exhausted. */
    private void advance() {
        if (exhausted) {
            return;
        }
        long offset = schedule.nextOffsetNanos();
        if (offset >= endOffsetNanos || issuedInPhase >= countLimit) {
            endIssuing();
            return;
        }
        nextIntendedNanos = originNanos + offset;
    }

    @Override
    void refill() {
        pace();
    }

    @Override
    void afterRelease(long doneNanos) {
        if (exhausted) {
            return;
        }
        if (nextIntendedNanos - doneNanos <= 0) {
            pace();
        } else {
            // The slot may have been the only one: nothing else would wake the lane in time.
            arm(nextIntendedNanos, doneNanos);
        }
    }

    private void onTimer() {
        armed = false;
        pace();
    }

    /**
     * Sends due requests while slots are free, at most one round of the slots per call (then
     * the rest goes after the lane's other work, so I/O is never starved); arms the timer when
     * the next request is not yet due.
     */
    private void pace() {
        int budget = freeSlots();
        while (!exhausted && !stopped() && freeSlots() > 0) {
            long now = System.nanoTime();
            long intended = nextIntendedNanos;
            if (intended - now > 0) {
                arm(intended, now);
                return;
            }
            if (budget-- == 0) {
                lane.execute(this::refill);
                return;
            }
            int prepared = prepare();
            if (prepared != LaneTraffic.READY) {
                if (prepared == LaneTraffic.END) {
                    endIssuing();
                }
                return;
            }
            Exchange slot = takeSlot();
            long earliest = slot.freedNanos - intended > 0 ? slot.freedNanos : intended;
            issuedInPhase++;
            sendOn(slot, intended, earliest, now);
            advance();
        }
    }

    private void arm(long intendedNanos, long nowNanos) {
        if (armed && armedForNanos - intendedNanos <= 0) {
            return;
        }
        armed = true;
        armedForNanos = intendedNanos;
        lane.schedule(timerTask, intendedNanos - nowNanos);
    }
}
