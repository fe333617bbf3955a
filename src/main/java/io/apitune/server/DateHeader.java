package io.apitune.server;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;

/**
 * The {@code Date} header value (IMF-fixdate, RFC 7231 / RFC 1123), formatted once a second by a
 * timer that fires just after each wall-clock second instead of once per request.
 *
 * <p>Thread-safe: one timer writes a volatile field; any event loop reads it.
 */
final class DateHeader {
    // HTTP dates are English by protocol, hence Locale.US rather than Locale.ROOT.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    private final Vertx vertx;
    private volatile CharSequence value;
    private volatile boolean stopped;
    private volatile long timerId = -1;

    DateHeader(Vertx vertx) {
        this.vertx = vertx;
        this.value = format();
        scheduleNext();
    }

    CharSequence value() {
        return value;
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(timerId);
    }

    private void scheduleNext() {
        if (stopped) {
            return;
        }
        long delayMillis = 1_000 - System.currentTimeMillis() % 1_000 + 1;
        timerId = vertx.setTimer(delayMillis, ignored -> {
            value = format();
            scheduleNext();
        });
    }

    private static CharSequence format() {
        return HttpHeaders.createOptimized(IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }
}
