package io.apitune.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.net.ssl.SSLException;

import io.apitune.Notices;
import io.apitune.Problems;
import io.netty.handler.ssl.NotSslRecordException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClosedException;

/**
 * The server's handler for connection-level failures (a TLS handshake that failed, a protocol
 * error, a request the server refused): at most one line per second, counting the ones left out,
 * with the stack trace only in verbose mode. A client that simply went away (connection reset,
 * broken pipe, closed channel) is routine for a load-test target and is only counted.
 *
 * <p>Thread-safe: every event loop reports here; the once-a-second gate is one CAS.
 */
final class ConnectionErrors implements Handler<Throwable> {
    static final long LINE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int MAX_MESSAGE_CHARS = 160;
    private final Notices notices;
    private final AtomicLong nextLineNanos;
    private final LongAdder suppressed = new LongAdder();
    private final LongAdder clientsGone = new LongAdder();

    ConnectionErrors(Notices notices) {
        this.notices = notices;
        this.nextLineNanos = new AtomicLong(System.nanoTime());
    }

    @Override
    public void handle(Throwable failure) {
        if (isClientGone(failure)) {
            clientsGone.increment();
            return;
        }
        long now = System.nanoTime();
        long next = nextLineNanos.get();
        if (now - next < 0 || !nextLineNanos.compareAndSet(next, now + LINE_INTERVAL_NANOS)) {
            suppressed.increment();
            return;
        }
        long left = suppressed.sumThenReset();
        notices.line("warning: connection error: " + describe(failure) + (left == 0 ? ""
                : String.format(Locale.ROOT, " (and %d more since the last such line)", left)));
        notices.detail(failure);
    }

    /** Connections that ended because the client closed or reset them. */
    long clientsGone() {
        return clientsGone.sum();
    }

    private static boolean isClientGone(Throwable failure) {
        return failure instanceof ClosedChannelException || failure instanceof HttpClosedException
                || (failure instanceof IOException && !(failure instanceof SSLException));
    }

    static String describe(Throwable failure) {
        Throwable root = Problems.rootCause(failure);
        if (root instanceof NotSslRecordException) {
            return "TLS: a client sent something other than TLS (plain HTTP?) to this TLS port";
        }
        String kind = failure instanceof SSLException ? "TLS" : "protocol";
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("");
        return kind + ": " + (message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "...");
    }
}
