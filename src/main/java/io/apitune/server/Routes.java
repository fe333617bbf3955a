package io.apitune.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Maps URLs to the mode handlers: the baselines, {@code /stats}, {@code /metrics} and the
 * slow-upstream family here, the database family in {@link DbRoutes}.
 * Every request of a mode is counted in {@link ServerStats} (and timed when metrics are on);
 * failures become JSON errors (400 bad input, 404 unknown path or row, 405 wrong method with
 * {@code Allow}, 413 body too large, 501/503 from {@link HandlerException}, 500 otherwise).
 *
 * <p>Thread-safe: the router is shared by every event loop; routes never block.
 */
final class Routes {
    private static final String HELLO = "Hello, World!";
    private final Handlers handlers;
    private final ServerStats stats;
    private final ServerMetrics metrics;
    private final Responses responses;
    private final Answers answers;

    Routes(Handlers handlers, ServerStats stats, ServerMetrics metrics, Responses responses) {
        this.handlers = handlers;
        this.stats = stats;
        this.metrics = metrics;
        this.responses = responses;
        this.answers = new Answers(responses);
    }

    Router build(Vertx vertx) {
        Router router = Router.router(vertx);
        RouteTable table = new RouteTable(router, responses);
        baselines(table);
        table.get("/stats", ctx -> responses.json(ctx.response(), 200, stats.toJson().encode()));
        table.get("/metrics", ctx -> metrics(vertx, ctx));
        itemRoute(table, Mode.BLOCKING, id -> handlers.blocking().item(id));
        itemRoute(table, Mode.ASYNC, id -> handlers.async().item(id));
        itemRoute(table, Mode.CACHED, id -> handlers.cached().item(id));
        itemRoute(table, Mode.VIRTUAL, id -> handlers.virtual().item(id));
        new DbRoutes(handlers, stats, metrics, answers).mount(table);
        table.answerOtherMethods();
        router.route().last().handler(ctx -> responses.error(ctx.response(), 404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), false));
        router.errorHandler(413, ctx -> responses.error(ctx.response(), 413,
                "request body larger than " + RouteTable.BODY_LIMIT_BYTES + " bytes", false));
        router.errorHandler(500, ctx -> responses.error(ctx.response(), 500,
                "internal error: " + ctx.failure(), false));
        return router;
    }

    private void baselines(RouteTable table) {
        Endpoint plaintext = new Endpoint(null, metrics.timer("none", "plaintext"));
        table.get("/plaintext", ctx -> {
            long startNanos = plaintext.started();
            responses.text(ctx.response(), 200, HELLO);
            plaintext.finished(startNanos, 200, false);
        });
        Endpoint json = new Endpoint(null, metrics.timer("none", "json"));
        table.get("/json", ctx -> {
            long startNanos = json.started();
            responses.json(ctx.response(), 200, new JsonObject().put("message", HELLO).encode());
            json.finished(startNanos, 200, false);
        });
    }

    /** The scrape runs on a worker: formatting every meter is CPU work of a millisecond or so. */
    private void metrics(Vertx vertx, RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        if (!metrics.enabled()) {
            responses.error(response, 404, "metrics are off (--no-metrics)", false);
            return;
        }
        vertx.executeBlocking(metrics::scrape, false).onComplete(ar -> {
            if (ar.succeeded()) {
                responses.send(response, 200, ServerMetrics.CONTENT_TYPE, ar.result());
            } else {
                responses.error(response, 500, "scrape failed: " + ar.cause(), false);
            }
        });
    }

    /** The slow-upstream family's request path, by id. */
    @FunctionalInterface
    interface ItemPath {
        Future<Item> item(long id);
    }

    private void itemRoute(RouteTable table, Mode mode, ItemPath path) {
        Endpoint endpoint = Endpoint.of(stats, metrics, mode, "item");
        table.get("/" + mode.path() + "/item/:id", ctx -> {
            long startNanos = endpoint.started();
            long id = parseId(ctx.pathParam("id"));
            if (id < 0) {
                answers.fail(ctx, endpoint, startNanos, badId(ctx.pathParam("id")));
                return;
            }
            answers.json(ctx, endpoint, startNanos, path.item(id).map(Item::toJson));
        });
    }

    /** The 400 of an id that {@link #parseId} refused. */
    static HandlerException badId(String raw) {
        return HandlerException.badRequest("id must be an integer 0.." + Long.MAX_VALUE + ", got '"
                + HandlerException.shown(raw) + "'");
    }

    /** The id as a non-negative long, or -1 when it is not one. */
    static long parseId(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) {
            return -1;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
