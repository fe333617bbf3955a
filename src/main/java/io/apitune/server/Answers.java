package io.apitune.server;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a handler's result, or its failure mapped to a JSON error ({@link HandlerException}'s
 * status, 500 otherwise), and records the answer on the route's {@link Endpoint}.
 *
 * <p>Thread-safe; call on the request's event loop.
 */
final class Answers {
    private static final String DB_OFF = "database is off: this server was started without one";
    private final Responses responses;

    Answers(Responses responses) {
        this.responses = responses;
    }

    /** How a successful result is written; returns the status sent. */
    @FunctionalInterface
    interface Writer<T> {
        int write(HttpServerResponse response, T value);
    }

    Responses responses() {
        return responses;
    }

    /** 200 with the JSON text {@code body} yields. */
    void json(RoutingContext ctx, Endpoint endpoint, long startNanos, Future<String> body) {
        answer(ctx, endpoint, startNanos, body, (response, json) -> {
            responses.json(response, 200, json);
            return 200;
        });
    }

    /** Waits for {@code result} and writes it with {@code writer}, or the mapped error. */
    <T> void answer(RoutingContext ctx, Endpoint endpoint, long startNanos, Future<T> result,
            Writer<T> writer) {
        result.onComplete(ar -> {
            if (ar.succeeded()) {
                endpoint.finished(startNanos, writer.write(ctx.response(), ar.result()), false);
            } else {
                fail(ctx, endpoint, startNanos, ar.cause());
            }
        });
    }

    /** The failure as a JSON error: a {@link HandlerException}'s status, otherwise 500. */
    void fail(RoutingContext ctx, Endpoint endpoint, long startNanos, Throwable cause) {
        HttpServerResponse response = ctx.response();
        if (cause instanceof HandlerException failure) {
            responses.error(response, failure.status(), failure.getMessage(), failure.isRejected());
            endpoint.finished(startNanos, failure.status(), failure.isRejected());
        } else {
            responses.error(response, 500, "internal error: " + cause, false);
            endpoint.finished(startNanos, 500, false);
        }
    }

    /** What a route does with a request once it has started it on its endpoint. */
    @FunctionalInterface
    interface Work {
        void run(RoutingContext ctx, Endpoint endpoint, long startNanos);
    }

    /**
     * The handler of a route of a database mode: starts each request on {@code endpoint}, then
     * {@code work}; when the server runs without a database ({@code on} false), 503.
     */
    Handler<RoutingContext> database(Endpoint endpoint, boolean on, Work work) {
        return ctx -> {
            long startNanos = endpoint.started();
            if (on) {
                work.run(ctx, endpoint, startNanos);
            } else {
                responses.error(ctx.response(), 503, DB_OFF, false);
                endpoint.finished(startNanos, 503, false);
            }
        };
    }
}
