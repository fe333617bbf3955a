package io.apitune.load;

/**
 * The closed model on one lane: every slot carries a request; each completion sends the next on
 * the same thread. A request's intended time is its actual send time, so latency equals service
 * time; its send lag is the time from its slot becoming free to the send.
 *
 * <p>With stages the number of requests in flight follows the profile of connections: the lane
 * keeps its share of the profile's level at the moment in flight, looked at on every completion
 * and every sweep (a few ms), so a rising level adds requests within one sweep and a falling one
 * lets completions go unreplaced.
 *
 * <p>Thread model: lane thread only (see {@link Driver}).
 */
final class ClosedDriver extends Driver {
    private final long measuredLimit;
    private final boolean byDuration;
    private final Profile connections;
    private final int laneIndex;
    private final int lanes;
    private final int warmupInFlight;
    /** When sending stops: far ahead in warm-up and in runs measured by request count. */
    private long stopSendingNanos;
    private long limit;
    private long issuedInPhase;
    private long measureStartNanos;
    private int inFlightTarget;

    /**
     * @param measuredLimit measured requests of this lane at most ({@code --requests} share)
     * @param laneIndex     this lane among {@code lanes}, for its share of a staged level
     */
    ClosedDriver(Transport.Lane lane, int slotCount, LoadConfig config, long measuredLimit,
            int laneIndex, int lanes, LaneTraffic traffic, ResponseChecks[] checks,
            LaneRecorder warmup, LaneRecorder measured) {
        super(lane, slotCount, config.timeout().toNanos(), traffic, checks, warmup, measured);
        this.measuredLimit = measuredLimit;
        this.byDuration = config.duration() != null;
        this.connections = config.connectionProfile();
        this.laneIndex = laneIndex;
        this.lanes = lanes;
        this.warmupInFlight = connections == null ? slotCount
                : share((long) Math.floor(config.warmupLevel() + 1e-9));
        this.inFlightTarget = slotCount;
    }

    /** This lane's share of {@code total}: the first lanes get one more. */
    private int share(long total) {
        return (int) (total / lanes + (laneIndex < total % lanes ? 1 : 0));
    }

    @Override
    void beginWarmup(long originNanos) {
        stopSendingNanos = originNanos + FAR_NANOS;
        limit = Long.MAX_VALUE;
        inFlightTarget = warmupInFlight;
    }

    @Override
    void beginMeasured(long startNanos, long windowEndNanos) {
        stopSendingNanos = byDuration ? windowEndNanos : startNanos + FAR_NANOS;
        limit = measuredLimit;
        issuedInPhase = 0;
        measureStartNanos = startNanos;
        follow(System.nanoTime());
        if (limit <= 0) {
            issuingDone();
        }
    }

    /** Sets the in-flight target to this lane's share of the staged level now. */
    private void follow(long nowNanos) {
        if (connections != null && phase == MEASURED) {
            double level = connections.levelAt(nowNanos - measureStartNanos);
            inFlightTarget = share((long) Math.floor(level + 1e-9));
        }
    }

    @Override
    long dropWarmup(long startNanos) {
        return 0; // nothing waits: a closed-model request is sent the moment its slot is free
    }

    @Override
    long unsent() {
        return 0;
    }

    @Override
    void refill() {
        long start = System.nanoTime();
        if (start - stopSendingNanos >= 0 || issuedInPhase >= limit) {
            done();
            return;
        }
        follow(start);
        // At most the slots free on entry: a failure inside send() frees its slot again at once.
        int budget = freeSlots();
        while (budget-- > 0 && freeSlots() > 0 && inFlight() < inFlightTarget && !stopped()) {
            long now = System.nanoTime();
            if (now - stopSendingNanos >= 0 || issuedInPhase >= limit) {
                done();
                return;
            }
            int prepared = prepare();
            if (prepared != LaneTraffic.READY) {
                if (prepared == LaneTraffic.END) {
                    limit = issuedInPhase;
                    done();
                }
                return;
            }
            Exchange slot = takeSlot();
            issuedInPhase++;
            sendOn(slot, now, slot.freedNanos, now);
        }
    }

    private void done() {
        if (phase == MEASURED) {
            issuingDone();
        }
    }

    @Override
    void afterRelease(long doneNanos) {
        refill();
    }

    @Override
    void afterSweep() {
        if (connections != null) {
            refill();
        }
    }
}
