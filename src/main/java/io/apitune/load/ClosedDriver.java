package io.apitune.load;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import org.asynchttpclient.AsyncHttpClient;

/**
 * The closed model: {@code connections} requests in flight; each completion sends the next.
 * A request's intended time is its actual send time, so latency equals service time.
 *
 * <p>Thread model: the first requests are sent by the generator thread, every later one by the
 * I/O thread (or failure thread) that saw the previous one complete.
 */
final class ClosedDriver extends Driver {
    private final LoadConfig config;
    private final AtomicLong measuredIssued = new AtomicLong();
    private volatile boolean issuingDone;
    private long measureStartNanos;
    private long measureEndNanos;

    ClosedDriver(LoadConfig config, AsyncHttpClient client, RequestTemplate template,
            RunRecorder recorder, Executor failureExecutor) {
        super(client, template, recorder, failureExecutor);
        this.config = config;
    }

    @Override
    void start(long originNanos, long warmupNanos) {
        measureStartNanos = originNanos + warmupNanos;
        measureEndNanos = config.duration() == null ? 0
                : measureStartNanos + config.duration().toNanos();
        for (int i = 0; i < config.connections(); i++) {
            sendNext();
        }
    }

    private void sendNext() {
        if (stopped || issuingDone) {
            return;
        }
        long now = System.nanoTime();
        boolean measured = now - measureStartNanos >= 0;
        if (measured && config.duration() != null && now - measureEndNanos >= 0) {
            issuingDone = true;
            return;
        }
        if (measured) {
            long issued = measuredIssued.incrementAndGet();
            if (config.requests() != null && issued > config.requests()) {
                measuredIssued.decrementAndGet();
                issuingDone = true;
                return;
            }
        }
        send(now, measured);
    }

    @Override
    long measuredIssued() {
        return measuredIssued.get();
    }

    @Override
    boolean issuingDone() {
        if (!issuingDone && config.duration() != null && System.nanoTime() - measureEndNanos >= 0) {
            issuingDone = true;
        }
        return issuingDone;
    }

    @Override
    void afterExchange() {
        sendNext();
    }
}
