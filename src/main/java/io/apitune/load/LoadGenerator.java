package io.apitune.load;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import io.apitune.ApituneException;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.Response;

/**
 * Runs one {@link LoadConfig} against its URL: probes the target, warms up, measures, and
 * returns a {@link LoadResult}. Open model (intended send times, coordinated-omission-free) or
 * closed model, on one AsyncHttpClient.
 *
 * <p>Thread model: {@link #probe()} and {@link #run()} are called by one thread, which becomes
 * the interval sampler (once a second it swaps the recorders, appends the interval log and
 * reports progress). Requests are sent by a scheduler thread (open model) and the client's I/O
 * threads. {@link #stop()} may be called from any thread, e.g. a shutdown hook.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final long POLL_NANOS = 10_000_000L;
    private static final long DRAIN_GRACE_NANOS = 2_000_000_000L;

    private final LoadConfig config;
    private final ProgressListener listener;
    private final AsyncHttpClient client;
    private final RequestTemplate template;
    private final RunRecorder recorder = new RunRecorder();
    private final ExecutorService failureExecutor;
    private final Driver driver;
    private volatile boolean stopRequested;

    public LoadGenerator(LoadConfig config, ProgressListener listener) {
        this.config = config;
        this.listener = listener;
        this.template = new RequestTemplate(config.request(), new KeyChooser(config.keys()));
        this.client = HttpClients.create(config.connections(),
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, config.timeout().toMillis())));
        this.failureExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "apitune-failures");
            t.setDaemon(true);
            return t;
        });
        this.driver = config.open()
                ? new OpenDriver(config, client, template, recorder, failureExecutor)
                : new ClosedDriver(config, client, template, recorder, failureExecutor);
    }

    /**
     * Sends one request (not measured) and waits for any HTTP response.
     *
     * @throws ApituneException exit 3 when the target cannot be reached
     */
    public void probe() {
        String url = template.urlForKey(1);
        try {
            Response response = client.executeRequest(template.next())
                    .get(config.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (response == null) {
                throw ApituneException.targetFailure("target " + url + " gave no response", null);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw ApituneException.targetFailure("target " + url + " is unreachable: "
                    + describe(cause), cause);
        } catch (TimeoutException e) {
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
        driver.stop();
    }

    /** Warms up, measures, and returns the result; blocks for the length of the run. */
    public LoadResult run() {
        long warmupNanos = config.warmup().toNanos();
        long originNanos = System.nanoTime();
        long startEpochMillis = System.currentTimeMillis() + warmupNanos / 1_000_000L;
        // Only measured requests are ever recorded, so the recorders need no reset at the start.
        Sampler sampler = new Sampler(recorder, listener, originNanos + warmupNanos,
                startEpochMillis, plannedSeconds(), plannedRequests());
        driver.start(originNanos, warmupNanos);
        if (warmupNanos > 0) {
            listener.warmupStarted(warmupNanos / 1e9);
            parkUntil(originNanos + warmupNanos);
        }
        boolean unfinishedCounted = measure(sampler);
        driver.stop();
        recorder.close();
        long endNanos = endNanos(originNanos + warmupNanos, unfinishedCounted);
        sampler.sample(System.nanoTime());
        listener.finished();
        return sampler.result(endNanos, stopRequested);
    }

    /**
     * The end of the measured window: the stop, or the last completion but never before the
     * planned duration is over (requests intended in [0, D) make a window of D).
     */
    private long endNanos(long measureStartNanos, boolean unfinishedCounted) {
        long now = System.nanoTime();
        if (stopRequested || unfinishedCounted || recorder.lastDoneNanos() == 0) {
            return now;
        }
        long end = recorder.lastDoneNanos();
        if (config.duration() != null) {
            long planned = measureStartNanos + config.duration().toNanos();
            end = end - planned >= 0 ? end : planned;
        }
        return end;
    }

    /** Samples every second until done; returns true when unfinished requests were counted. */
    private boolean measure(Sampler sampler) {
        long deadline = 0;
        boolean deadlineSet = false;
        while (!stopRequested) {
            long now = System.nanoTime();
            if (driver.issuingDone()) {
                if (recorder.completed() >= driver.measuredIssued()) {
                    return false;
                }
                if (!deadlineSet) {
                    deadline = now + config.timeout().toNanos() + DRAIN_GRACE_NANOS;
                    deadlineSet = true;
                } else if (now - deadline >= 0) {
                    recorder.recordUnfinished(driver.measuredIssued() - recorder.completed());
                    return true;
                }
            }
            long next = sampler.nextTickNanos();
            if (now - next >= 0) {
                sampler.sample(now);
                continue;
            }
            LockSupport.parkNanos(Math.min(POLL_NANOS, next - now));
        }
        return false;
    }

    private void parkUntil(long targetNanos) {
        long wait;
        while ((wait = targetNanos - System.nanoTime()) > 0 && !stopRequested) {
            LockSupport.parkNanos(Math.min(wait, POLL_NANOS));
        }
    }

    private double plannedSeconds() {
        return config.duration() == null ? 0 : config.duration().toNanos() / 1e9;
    }

    private long plannedRequests() {
        return config.requests() == null ? 0 : config.requests();
    }

    @Override
    public void close() {
        failureExecutor.shutdownNow();
        try {
            client.close();
        } catch (IOException e) {
            // Closing the client only releases local resources; nothing to report.
        }
    }
}
