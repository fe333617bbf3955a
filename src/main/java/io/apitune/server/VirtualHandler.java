package io.apitune.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Mode {@code virtual}: the blocking upstream call on a virtual thread per request (JVM 21+).
 * On older JVMs every request fails with 501 and a message saying why.
 *
 * <p>Thread-safe; results are delivered on the caller's Vert.x context.
 */
public final class VirtualHandler implements AutoCloseable {
    private final Upstream upstream;
    private final ExecutorService virtualThreads;

    /** @param virtualThreads a virtual-thread-per-task executor, or null when unavailable */
    public VirtualHandler(Upstream upstream, ExecutorService virtualThreads) {
        this.upstream = upstream;
        this.virtualThreads = virtualThreads;
    }

    public boolean isAvailable() {
        return virtualThreads != null;
    }

    public Future<Item> item(long id) {
        if (virtualThreads == null) {
            return Future.failedFuture(HandlerException.notImplemented(VirtualThreads.unavailableMessage()));
        }
        Context context = Vertx.currentContext();
        Promise<Item> promise = Promise.promise();
        try {
            virtualThreads.execute(() -> {
                try {
                    Item item = upstream.callBlocking(id);
                    deliver(context, () -> promise.complete(item));
                } catch (InterruptedException e) {
                    deliver(context, () -> promise.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            promise.fail(HandlerException.notImplemented("virtual threads are shut down"));
        }
        return promise.future();
    }

    private static void deliver(Context context, Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    @Override
    public void close() {
        if (virtualThreads != null) {
            virtualThreads.shutdownNow();
        }
    }
}
