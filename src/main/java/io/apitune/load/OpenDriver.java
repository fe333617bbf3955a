package io.apitune.load;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

import org.asynchttpclient.AsyncHttpClient;

/**
 * The open model: a dedicated scheduler thread computes each request's intended send time from
 * the phase start (constant or Poisson spacing, optional ramp), sleeps until it, and queues it in
 * a {@link Dispatcher} that sends as the connection cap allows. Latency is later measured from
 * the intended time, so waiting for a connection or a late scheduler never hides delay.
 *
 * <p>Thread model: one scheduler thread ({@code apitune-scheduler}) produces; I/O threads and the
 * failure thread release connection slots and send queued requests.
 */
final class OpenDriver extends Driver {
    private static final int QUEUE_CAPACITY = 1 << 20;

    private final LoadConfig config;
    private final Dispatcher dispatcher;
    private volatile long measuredIssued;
    private volatile boolean issuingDone;
    private long originNanos;
    private long warmupNanos;

    OpenDriver(LoadConfig config, AsyncHttpClient client, RequestTemplate template,
            RunRecorder recorder, Executor failureExecutor) {
        super(client, template, recorder, failureExecutor);
        this.config = config;
        this.dispatcher = new Dispatcher(QUEUE_CAPACITY, config.connections(), this::sendOffset);
    }

    @Override
    void start(long originNanos, long warmupNanos) {
        this.originNanos = originNanos;
        this.warmupNanos = warmupNanos;
        Thread scheduler = new Thread(this::schedule, "apitune-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
    }

    private void sendOffset(long offsetNanos) {
        send(originNanos + offsetNanos, phase(offsetNanos, warmupNanos));
    }

    private void schedule() {
        boolean poisson = config.arrival() == LoadConfig.Arrival.POISSON;
        long seed = System.nanoTime();
        if (warmupNanos > 0) {
            Schedule warmup = new Schedule(config.ratePerSecond(), 0, poisson, seed);
            for (long offset = warmup.nextOffsetNanos(); offset < warmupNanos && !stopped;
                    offset = warmup.nextOffsetNanos()) {
                release(offset);
            }
        }
        Schedule measured = new Schedule(config.ratePerSecond(), config.rampUp().toNanos(),
                poisson, seed + 1);
        long limitNanos = config.duration() == null ? Long.MAX_VALUE : config.duration().toNanos();
        long limitCount = config.requests() == null ? Long.MAX_VALUE : config.requests();
        long issued = 0;
        while (!stopped && issued < limitCount) {
            long offset = measured.nextOffsetNanos();
            if (offset >= limitNanos) {
                break;
            }
            release(warmupNanos + offset);
            measuredIssued = ++issued;
        }
        issuingDone = true;
    }

    /** Sleeps until the intended time (from the origin, so there is no drift), then queues it. */
    private void release(long offsetNanos) {
        long target = originNanos + offsetNanos;
        long wait;
        while ((wait = target - System.nanoTime()) > 0 && !stopped) {
            LockSupport.parkNanos(wait);
        }
        while (!dispatcher.hasRoom() && !stopped) {
            // The target is hopelessly behind; intended times stay exact, so latency still shows it.
            LockSupport.parkNanos(1_000_000L);
        }
        if (!stopped) {
            dispatcher.offer(offsetNanos);
        }
    }

    @Override
    long measuredIssued() {
        return measuredIssued;
    }

    @Override
    boolean issuingDone() {
        return issuingDone;
    }

    @Override
    void afterExchange() {
        dispatcher.release();
    }

    /** Requests queued for a connection, not yet sent. */
    long pending() {
        return dispatcher.pending();
    }
}
