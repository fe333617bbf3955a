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
    /** Requests issued per phase ({@link Driver#WARMUP}, {@link Driver#MEASURED}). */
    private final AtomicLong[] issued = {new AtomicLong(), new AtomicLong()};
    /** Most requests per phase: no limit in warm-up, {@code --requests} when measuring. */
    private final long[] limits = new long[2];
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
        limits[WARMUP] = Long.MAX_VALUE;
        limits[MEASURED] = config.requests() == null ? Long.MAX_VALUE : config.requests();
        for (int i = 0; i < config.connections(); i++) {
            sendNext();
        }
    }

    /** Called on the I/O thread of each completion: the same code path in both phases. */
    private void sendNext() {
        if (stopped || issuingDone) {
            return;
        }
        long now = System.nanoTime();
        if (config.duration() != null && now - measureEndNanos >= 0) {
            issuingDone = true;
            return;
        }
        int phase = phase(now, measureStartNanos);
        if (issued[phase].incrementAndGet() > limits[phase]) {
            issued[phase].decrementAndGet();
            issuingDone = true;
            return;
        }
        send(now, phase);
    }

    @Override
    long measuredIssued() {
        return issued[MEASURED].get();
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
