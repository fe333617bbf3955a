package io.apitune.server;

import io.vertx.core.Future;

/**
 * Mode {@code async}: the same upstream call awaited without blocking any thread.
 *
 * <p>Thread-safe; call {@link #item} from any event loop.
 */
public final class AsyncHandler {
    private final Upstream upstream;

    public AsyncHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    public Future<Item> item(long id) {
        return upstream.call(id);
    }
}
