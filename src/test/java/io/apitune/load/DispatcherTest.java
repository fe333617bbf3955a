package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The connection-capped queue: never more than the cap in flight, FIFO, nothing lost. */
class DispatcherTest {
    @Test
    void capsInFlightAndServesWaitingRequestsInOrder() {
        List<Long> sent = new ArrayList<>();
        Dispatcher dispatcher = new Dispatcher(8, 2, sent::add);
        for (long t = 1; t <= 5; t++) {
            dispatcher.offer(t);
        }
        assertThat(sent).containsExactly(1L, 2L);
        assertThat(dispatcher.pending()).isEqualTo(3);
        dispatcher.release();
        assertThat(sent).containsExactly(1L, 2L, 3L);
        dispatcher.release();
        dispatcher.release();
        assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(dispatcher.inFlight()).isEqualTo(2);
        assertThat(dispatcher.hasRoom()).isTrue();
    }

    @Test
    void concurrentReleasesNeverExceedTheCapOrLoseRequests() throws Exception {
        int cap = 3;
        int total = 50_000;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        ConcurrentLinkedQueue<Long> toComplete = new ConcurrentLinkedQueue<>();
        AtomicInteger sentCount = new AtomicInteger();
        Dispatcher[] holder = new Dispatcher[1];
        holder[0] = new Dispatcher(1 << 10, cap, t -> {
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            sentCount.incrementAndGet();
            toComplete.add(t);
        });
        Dispatcher dispatcher = holder[0];
        Runnable completer = () -> {
            while (sentCount.get() < total || !toComplete.isEmpty()) {
                if (toComplete.poll() != null) {
                    inFlight.decrementAndGet();
                    dispatcher.release();
                } else {
                    Thread.onSpinWait();
                }
            }
        };
        Thread a = new Thread(completer);
        Thread b = new Thread(completer);
        a.start();
        b.start();
        for (long t = 0; t < total; t++) {
            while (!dispatcher.hasRoom()) {
                Thread.onSpinWait();
            }
            dispatcher.offer(t);
        }
        a.join(20_000);
        b.join(20_000);
        assertThat(sentCount.get()).isEqualTo(total);
        assertThat(maxSeen.get()).isLessThanOrEqualTo(cap);
        assertThat(dispatcher.pending()).isZero();
    }
}
