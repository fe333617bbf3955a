package io.apitune.server;

import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;

/**
 * Requests counted by the protocol they arrived on, for {@code /stats}:
 * {@code {"http/1.1":…,"http/1.1+tls":…,"h2c":…,"h2":…}}. HTTP/1.0 requests count under
 * {@code http/1.1} of their transport; an h2c upgrade request counts as {@code h2c}.
 *
 * <p>Thread-safe: every event loop adds to striped counters.
 */
public final class ProtocolStats {
    private final LongAdder http1 = new LongAdder();
    private final LongAdder http1Tls = new LongAdder();
    private final LongAdder h2c = new LongAdder();
    private final LongAdder h2 = new LongAdder();

    /** Counts one request by its version and transport. */
    void count(HttpServerRequest request) {
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        if (request.isSSL()) {
            (http2 ? h2 : http1Tls).increment();
        } else {
            (http2 ? h2c : http1).increment();
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("http/1.1", http1.sum()).put("http/1.1+tls", http1Tls.sum())
                .put("h2c", h2c.sum()).put("h2", h2.sum());
    }
}
