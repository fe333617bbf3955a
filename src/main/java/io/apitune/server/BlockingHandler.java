package io.apitune.server;

import io.vertx.core.Future;

/**
 * Mode {@code blocking}: the upstream call blocks a thread of the bounded worker pool, as in a
 * thread-per-request server. Beyond workers + queue the request is rejected (503).
 *
 * <p>Thread-safe; call {@link #item} from any event loop.
 */
public final class BlockingHandler {
    private final BoundedWorkers workers;
    private final Upstream upstream;

    public BlockingHandler(BoundedWorkers workers, Upstream upstream) {
        this.workers = workers;
        this.upstream = upstream;
    }

    public Future<Item> item(long id) {
        return workers.submit(() -> upstream.callBlocking(id));
    }

    public BoundedWorkers workers() {
        return workers;
    }
}
