package io.apitune.load;

/**
 * The closed model on one lane: every slot carries a request; each completion sends the next on
 * the same thread. A request's intended time is its actual send time, so latency equals service
 * time; its send lag is the time from its slot becoming free to the send.
 *
 * <p>Thread model: lane thread only (see {@link Driver}).
 */
final class ClosedDriver extends Driver {
    private final long measuredLimit;
    private final boolean byDuration;
    /** When sending stops: far ahead in warm-up and in runs measured by request count. */
    private long stopSendingNanos;
    private long limit;
    private long issuedInPhase;

    /** @param measuredLimit measured requests of this lane at most ({@code --requests} share) */
    ClosedDriver(Transport.Lane lane, int slotCount, LoadConfig config, long measuredLimit,
            LaneRecorder warmup, LaneRecorder measured) {
        super(lane, slotCount, config.timeout().toNanos(), warmup, measured);
        this.measuredLimit = measuredLimit;
        this.byDuration = config.duration() != null;
    }

    @Override
    void beginWarmup(long originNanos) {
        stopSendingNanos = originNanos + FAR_NANOS;
        limit = Long.MAX_VALUE;
    }

    @Override
    void beginMeasured(long startNanos, long windowEndNanos) {
        stopSendingNanos = byDuration ? windowEndNanos : startNanos + FAR_NANOS;
        limit = measuredLimit;
        issuedInPhase = 0;
        if (limit <= 0) {
            issuingDone();
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
        // At most the slots free on entry: a failure inside send() frees its slot again at once.
        int budget = freeSlots();
        while (budget-- > 0 && freeSlots() > 0 && !stopped()) {
            long now = System.nanoTime();
            if (now - stopSendingNanos >= 0 || issuedInPhase >= limit) {
                if (phase == MEASURED) {
                    issuingDone();
                }
                return;
            }
            Exchange slot = takeSlot();
            issuedInPhase++;
            sendOn(slot, now, slot.freedNanos, now);
        }
    }

    @Override
    void afterRelease(long doneNanos) {
        refill();
    }
}
