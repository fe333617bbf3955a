package io.apitune.load;

/**
 * What the server answered the probe with over HTTP/2: the streams one connection may carry at
 * once, as its SETTINGS_MAX_CONCURRENT_STREAMS said (which arrives before any response). A server
 * that does not speak HTTP/2 fails the probe instead ({@link Http2Failure.NotHttp2}).
 *
 * <p>Thread model: written on a lane thread by the probe's call, read by any thread after the
 * probe's outcome (volatile fields).
 */
final class Negotiation {
    private volatile int streamLimit;

    /** @param limit the server's concurrent-stream limit; 0 when it set none */
    void answered(int limit) {
        streamLimit = limit;
    }

    /** Streams per connection over HTTP/2 once answered; 0 when unknown. */
    int streamLimit() {
        return streamLimit;
    }
}
