package io.apitune.server;

import java.util.function.Function;

import io.apitune.db.Product;
import io.apitune.db.ProductSchema;
import io.apitune.db.World;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The routes of the DB modes. The TechEmpower database tests: {@code /db},
 * {@code /queries?queries=N}, {@code /updates?queries=N} and {@code /fortunes} for
 * {@code blocking-db} and {@code async-db}; {@code /db} and {@code /queries?count=N} (TechEmpower
 * "cached queries") for {@code cached-db}. N follows {@link Queries#parse}. The shop API of the
 * request-mix scenarios under {@code blocking-db} and {@code async-db}: {@code POST /mode/items}
 * (201, the row as JSON, {@code Location}), {@code GET /mode/items/{id}} (200 or 404) and
 * {@code GET /mode/search?q=TERM} (at most {@value ProductSchema#SEARCH_LIMIT} rows); invalid
 * input answers 400 with a JSON error and is counted as a bad request of the mode. Without a
 * database every route answers 503.
 *
 * <p>Thread-safe once mounted: the handlers run on any event loop and never block.
 */
final class DbRoutes {
    /** Longest search term accepted. */
    static final int MAX_TERM_CHARS = 100;
    private final Handlers handlers;
    private final ServerStats stats;
    private final ServerMetrics metrics;
    private final Answers answers;
    private final FortunesPage fortunesPage = new FortunesPage();

    DbRoutes(Handlers handlers, ServerStats stats, ServerMetrics metrics, Answers answers) {
        this.handlers = handlers;
        this.stats = stats;
        this.metrics = metrics;
        this.answers = answers;
    }

    void mount(RouteTable table) {
        testsOf(table, Mode.BLOCKING_DB, handlers.blockingDb());
        testsOf(table, Mode.ASYNC_DB, handlers.asyncDb());
        shopOf(table, Mode.BLOCKING_DB, handlers.blockingDbItems());
        shopOf(table, Mode.ASYNC_DB, handlers.asyncDbItems());
        CachedDbHandler cached = handlers.cachedDb();
        json(table, Mode.CACHED_DB, "db", ctx -> cached.one().map(World::toJson), cached != null);
        json(table, Mode.CACHED_DB, "queries", ctx -> cached.queries(count(ctx, "count"))
                .map(World::toJson), cached != null);
    }

    private void testsOf(RouteTable table, Mode mode, DbHandler db) {
        boolean on = db != null;
        json(table, mode, "db", ctx -> db.one().map(World::toJson), on);
        json(table, mode, "queries", ctx -> db.queries(count(ctx, "queries")).map(World::toJson),
                on);
        json(table, mode, "updates", ctx -> db.updates(count(ctx, "queries")).map(World::toJson),
                on);
        table.get("/" + mode.path() + "/fortunes", answers.database(Endpoint.of(stats, metrics, mode,
                "fortunes"), on, (ctx, endpoint, startNanos) -> answers.answer(ctx, endpoint, startNanos,
                        db.fortunes().map(fortunesPage::render), (response, html) -> {
                            answers.responses().html(response, 200, html);
                            return 200;
                        })));
    }

    /** GET {@code /mode/name}: 200 with the JSON {@code body} yields, or 503 when {@code !on}. */
    private void json(RouteTable table, Mode mode, String name,
            Function<RoutingContext, Future<String>> body, boolean on) {
        table.get("/" + mode.path() + "/" + name, answers.database(Endpoint.of(stats, metrics, mode, name),
                on, (ctx, endpoint, startNanos) -> answers.json(ctx, endpoint, startNanos, body.apply(ctx))));
    }

    private static int count(RoutingContext ctx, String parameter) {
        return Queries.parse(ctx.request().getParam(parameter));
    }

    private void shopOf(RouteTable table, Mode mode, ProductStore store) {
        String base = "/" + mode.path();
        boolean on = store != null;
        table.post(base + "/items", answers.database(Endpoint.of(stats, metrics, mode, "items.create"), on,
                (ctx, endpoint, startNanos) -> create(ctx, endpoint, startNanos, store, base)));
        table.get(base + "/items/:id", answers.database(Endpoint.of(stats, metrics, mode, "items.get"), on,
                (ctx, endpoint, startNanos) -> read(ctx, endpoint, startNanos, store)));
        table.get(base + "/search", answers.database(Endpoint.of(stats, metrics, mode, "search"), on,
                (ctx, endpoint, startNanos) -> search(ctx, endpoint, startNanos, store)));
    }

    private void create(RoutingContext ctx, Endpoint endpoint, long startNanos,
            ProductStore store, String base) {
        NewProduct product;
        try {
            product = NewProduct.parse(ctx.body().buffer());
        } catch (HandlerException e) {
            answers.fail(ctx, endpoint, startNanos, e);
            return;
        }
        answers.answer(ctx, endpoint, startNanos, store.create(product), (response, created) -> {
            response.putHeader(HttpHeaders.LOCATION, base + "/items/" + created.id());
            answers.responses().json(response, 201, created.toJson().encode());
            return 201;
        });
    }

    private void read(RoutingContext ctx, Endpoint endpoint, long startNanos, ProductStore store) {
        long id = Routes.parseId(ctx.pathParam("id"));
        if (id < 0) {
            answers.fail(ctx, endpoint, startNanos, Routes.badId(ctx.pathParam("id")));
            return;
        }
        answers.json(ctx, endpoint, startNanos, store.find(id).map(p -> p.toJson().encode()));
    }

    private void search(RoutingContext ctx, Endpoint endpoint, long startNanos,
            ProductStore store) {
        String term = ctx.request().getParam("q");
        if (term == null || term.isBlank() || term.length() > MAX_TERM_CHARS) {
            answers.fail(ctx, endpoint, startNanos, HandlerException.badRequest(
                    "q must be a search term of 1.." + MAX_TERM_CHARS + " characters"));
            return;
        }
        answers.json(ctx, endpoint, startNanos, store.search(term.trim()).map(Product::toJson));
    }
}
