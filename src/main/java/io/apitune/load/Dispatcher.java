package io.apitune.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The open model's bounded in-process queue of pending intended send times, served as
 * connections free up. A request that finds every connection busy waits here (its latency still
 * counts from its intended time) instead of reaching AsyncHttpClient's connection limit.
 *
 * <p>Thread model: exactly one producer (the scheduler thread) calls {@link #offer}; any thread
 * calls {@link #release} when a request completes and {@link #drain}. Lock-free: a ring of
 * {@code long}s with a published count, a claimed count and an in-flight counter capped at the
 * connection count.
 */
final class Dispatcher {
    private final long[] ring;
    private final int mask;
    private final int maxInFlight;
    private final LongConsumer sender;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param capacityPowerOfTwo ring size, a power of two; the producer waits when it is full
     * @param maxInFlight        connection cap, >= 1
     * @param sender             sends one request given its intended time; must not block
     */
    Dispatcher(int capacityPowerOfTwo, int maxInFlight, LongConsumer sender) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two");
        }
        this.ring = new long[capacityPowerOfTwo];
        this.mask = capacityPowerOfTwo - 1;
        this.maxInFlight = maxInFlight;
        this.sender = sender;
    }

    /** True when the ring has room for one more pending request. Producer only. */
    boolean hasRoom() {
        return published.get() - claimed.get() < ring.length;
    }

    /** Queues one intended send time and sends what the connection cap allows. Producer only. */
    void offer(long intendedNanos) {
        long slot = published.get();
        ring[(int) (slot & mask)] = intendedNanos;
        published.set(slot + 1);
        drain();
    }

    /** Called once per completed request (response or failure): frees its connection slot. */
    void release() {
        inFlight.decrementAndGet();
        drain();
    }

    /** Requests queued and not yet sent. */
    long pending() {
        return published.get() - claimed.get();
    }

    /** Requests sent and not yet released. */
    int inFlight() {
        return inFlight.get();
    }

    /** Sends queued requests while a connection slot is free. */
    void drain() {
        while (true) {
            int flying = inFlight.get();
            if (flying >= maxInFlight || claimed.get() >= published.get()) {
                return;
            }
            if (!inFlight.compareAndSet(flying, flying + 1)) {
                continue;
            }
            long intended = claimOne();
            if (intended < 0) {
                // Another thread took the last one; give the slot back and look again.
                inFlight.decrementAndGet();
                continue;
            }
            sender.accept(intended);
        }
    }

    private long claimOne() {
        while (true) {
            long next = claimed.get();
            if (next >= published.get()) {
                return -1;
            }
            // Read before claiming: once claimed, the producer may overwrite the slot.
            long intended = ring[(int) (next & mask)];
            if (claimed.compareAndSet(next, next + 1)) {
                return intended;
            }
        }
    }
}
