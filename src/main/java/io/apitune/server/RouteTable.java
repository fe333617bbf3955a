package io.apitune.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Mounts routes with their methods and answers the rest: every {@code GET} route also serves
 * {@code HEAD}, and a known path asked with another method answers 405 with an {@code Allow}
 * header listing the methods it has (instead of Vert.x Web's bare 405 or a 404).
 *
 * <p>Not thread-safe while building (one thread); the router it fills is shared afterwards.
 */
final class RouteTable {
    /** Largest request body a {@code POST} route reads; beyond it the answer is 413. */
    static final long BODY_LIMIT_BYTES = 16 * 1024;
    private final Router router;
    private final Responses responses;
    private final Map<String, Set<String>> allowed = new LinkedHashMap<>();

    RouteTable(Router router, Responses responses) {
        this.router = router;
        this.responses = responses;
    }

    /** {@code GET} and {@code HEAD} on {@code path}. */
    void get(String path, Handler<RoutingContext> handler) {
        router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(handler);
        allow(path, "GET", "HEAD");
    }

    /** {@code POST} on {@code path}; the body (at most {@link #BODY_LIMIT_BYTES}) is read first. */
    void post(String path, Handler<RoutingContext> handler) {
        router.route(path).method(HttpMethod.POST)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES))
                .handler(handler);
        allow(path, "POST");
    }

    /**
     * Adds, after every route mounted so far, one catch-all per path that answers 405 with
     * {@code Allow}. Call once, when all routes are mounted.
     */
    void answerOtherMethods() {
        allowed.forEach((path, methods) -> {
            String allow = String.join(", ", methods);
            router.route(path).handler(ctx -> {
                ctx.response().putHeader(HttpHeaders.ALLOW, allow);
                responses.error(ctx.response(), 405, ctx.request().method() + " is not allowed on "
                        + ctx.request().path() + " (allowed: " + allow + ")", false);
            });
        });
    }

    private void allow(String path, String... methods) {
        Set<String> set = allowed.computeIfAbsent(path, p -> new TreeSet<>());
        for (String m : methods) {
            set.add(m);
        }
    }
}
