package io.apitune.server;

import java.util.List;
import java.util.function.Supplier;

import io.apitune.db.World;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Maps URLs to the mode handlers, counts every request in {@link ServerStats}, and turns
 * handler failures into JSON errors (400 bad id, 404 unknown path, 501/503 from
 * {@link HandlerException}, 500 otherwise).
 *
 * <p>Thread-safe: the router is shared by every event loop; routes never block.
 */
final class Routes {
    private static final String HELLO = "Hello, World!";
    private static final String DB_OFF = "database is off: this server was started without one";
    private final Handlers handlers;
    private final ServerStats stats;
    private final Responses responses;

    Routes(Handlers handlers, ServerStats stats, Responses responses) {
        this.handlers = handlers;
        this.stats = stats;
        this.responses = responses;
    }

    Router build(Vertx vertx) {
        Router router = Router.router(vertx);
        router.get("/plaintext").handler(ctx -> responses.text(ctx.response(), 200, HELLO));
        router.get("/json").handler(ctx -> responses.json(ctx.response(), 200,
                new JsonObject().put("message", HELLO).encode()));
        router.get("/stats").handler(ctx -> responses.json(ctx.response(), 200,
                stats.toJson().encode()));
        itemRoute(router, Mode.BLOCKING, id -> handlers.blocking().item(id));
        itemRoute(router, Mode.ASYNC, id -> handlers.async().item(id));
        itemRoute(router, Mode.CACHED, id -> handlers.cached().item(id));
        itemRoute(router, Mode.VIRTUAL, id -> handlers.virtual().item(id));
        BlockingDbHandler blockingDb = handlers.blockingDb();
        AsyncDbHandler asyncDb = handlers.asyncDb();
        dbRoutes(router, Mode.BLOCKING_DB, blockingDb == null ? null : blockingDb::one,
                blockingDb == null ? null : blockingDb::queries);
        dbRoutes(router, Mode.ASYNC_DB, asyncDb == null ? null : asyncDb::one,
                asyncDb == null ? null : asyncDb::queries);
        router.route().last().handler(ctx -> responses.error(ctx.response(), 404,
                "no such endpoint: " + ctx.request().method() + " " + ctx.request().path(), false));
        router.errorHandler(500, ctx -> responses.error(ctx.response(), 500,
                "internal error: " + ctx.failure(), false));
        return router;
    }

    /** The slow-upstream family's request path, by id. */
    @FunctionalInterface
    interface ItemPath {
        Future<Item> item(long id);
    }

    /** The database family's {@code queries} path. */
    @FunctionalInterface
    interface QueriesPath {
        Future<List<World>> queries(int count);
    }

    private void itemRoute(Router router, Mode mode, ItemPath path) {
        ModeStats modeStats = stats.of(mode);
        router.get("/" + mode.path() + "/item/:id").handler(ctx -> {
            modeStats.started();
            String raw = ctx.pathParam("id");
            long id = parseId(raw);
            if (id < 0) {
                String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
                responses.error(ctx.response(), 400,
                        "id must be an integer 0.." + Long.MAX_VALUE + ", got '" + shown + "'", false);
                modeStats.finished(400, false);
                return;
            }
            answer(ctx, modeStats, () -> path.item(id).map(Item::toJson));
        });
    }

    private void dbRoutes(Router router, Mode mode, Supplier<Future<World>> one, QueriesPath many) {
        ModeStats modeStats = stats.of(mode);
        router.get("/" + mode.path() + "/db").handler(ctx -> {
            modeStats.started();
            answer(ctx, modeStats, one == null ? null : () -> one.get().map(World::toJson));
        });
        router.get("/" + mode.path() + "/queries").handler(ctx -> {
            modeStats.started();
            int count = Queries.parse(ctx.request().getParam("queries"));
            answer(ctx, modeStats, many == null ? null
                    : () -> many.queries(count).map(World::toJson));
        });
    }

    /**
     * Runs {@code body} (null: no database) and sends its JSON or the mapped error; the caller
     * has already counted the request as started.
     */
    private void answer(RoutingContext ctx, ModeStats modeStats, Supplier<Future<String>> body) {
        if (body == null) {
            responses.error(ctx.response(), 503, DB_OFF, false);
            modeStats.finished(503, false);
            return;
        }
        body.get().onComplete(ar -> {
            HttpServerResponse response = ctx.response();
            if (ar.succeeded()) {
                responses.json(response, 200, ar.result());
                modeStats.finished(200, false);
            } else if (ar.cause() instanceof HandlerException failure) {
                responses.error(response, failure.status(), failure.getMessage(),
                        failure.isRejected());
                modeStats.finished(failure.status(), failure.isRejected());
            } else {
                responses.error(response, 500, "internal error: " + ar.cause(), false);
                modeStats.finished(500, false);
            }
        });
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
