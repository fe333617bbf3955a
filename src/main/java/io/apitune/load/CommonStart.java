package io.apitune.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;

/**
 * The wait before a run with a common start time ({@link LoadConfig#startAt()}): every shard
 * starts measuring at the same wall-clock instant, and warms up in the {@code --warmup} before it
 * (less when it is nearer).
 *
 * <p>Stateless; called on the thread that runs the generator.
 */
final class CommonStart {
    private static final long POLL_NANOS = 10_000_000L;

    private CommonStart() {
    }

    /** {@link System#nanoTime()} at the wall-clock instant {@code at} (microsecond precision). */
    static long nanoTimeOf(Instant at) {
        long nowNanos = System.nanoTime();
        return nowNanos + Duration.between(Instant.now(), at).toNanos();
    }

    /**
     * Waits until warm-up must begin for measurement to start at {@code startNanos}: its full
     * {@code warmupNanos} before, or now when that has passed (a shorter warm-up).
     *
     * @param startAt the start time as given, for the message
     * @param stopped true once the run was stopped (the wait ends early)
     * @return when warm-up begins
     * @throws ApituneException exit 3 when the start time has already passed
     */
    static long awaitOrigin(Instant startAt, long startNanos, long warmupNanos, BooleanSupplier stopped) {
        long now = System.nanoTime();
        if (now - startNanos >= 0) {
            throw new ApituneException(ExitCodes.TARGET_FAILURE, String.format(Locale.ROOT,
                    "--start-at %s: ready %.1f s after the common start time; "
                    + "give the shards a later --start-at", startAt, (now - startNanos) / 1e9));
        }
        long origin = startNanos - warmupNanos;
        while (!stopped.getAsBoolean() && System.nanoTime() - origin < 0) {
            LockSupport.parkNanos(Math.max(1, Math.min(POLL_NANOS, origin - System.nanoTime())));
        }
        long begun = System.nanoTime();
        return begun - origin > 0 ? Math.min(begun, startNanos) : origin;
    }
}
