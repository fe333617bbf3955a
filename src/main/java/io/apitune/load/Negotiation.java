package io.apitune.load;

import io.netty.channel.Channel;
import org.asynchttpclient.netty.channel.Http2ConnectionState;

/**
 * What the server answered the probe with: the HTTP major version of its response and, over
 * HTTP/2, the streams one connection may carry at once (the smaller of what apitune asked for
 * and the server's SETTINGS_MAX_CONCURRENT_STREAMS, which arrives before any response).
 *
 * <p>Thread model: written on a lane thread by the probe's callbacks, read by any thread after
 * the probe's outcome (volatile fields).
 */
final class Negotiation {
    private volatile int majorVersion;
    private volatile int streamLimit;

    /** The response's protocol major version: 1 or 2. */
    void answered(int major) {
        majorVersion = major;
    }

    /** The connection the answer came on, offered back for reuse. */
    void connectionOffered(Channel connection) {
        Http2ConnectionState state = connection.attr(Http2ConnectionState.HTTP2_STATE_KEY).get();
        if (state != null) {
            streamLimit = state.getMaxConcurrentStreams();
        }
    }

    /** 1 or 2 once answered, 0 before. */
    int majorVersion() {
        return majorVersion;
    }

    /** Streams per connection over HTTP/2 once answered; 0 when unknown. */
    int streamLimit() {
        return streamLimit;
    }
}
