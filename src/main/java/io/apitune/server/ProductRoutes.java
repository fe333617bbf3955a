package io.apitune.server;

import io.apitune.db.Product;
import io.apitune.db.ProductSchema;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The shop API of the request-mix scenarios under {@code blocking-db} and {@code async-db}:
 * {@code POST /mode/items} (201, the row as JSON, {@code Location}), {@code GET
 * /mode/items/{id}} (200 or 404) and {@code GET /mode/search?q=TERM} (at most
 * {@value ProductSchema#SEARCH_LIMIT} rows). Invalid input answers 400 with a JSON error and is
 * counted as a bad request of the mode.
 *
 * <p>Thread-safe once mounted: the handlers run on any event loop and never block.
 */
final class ProductRoutes {
    /** Longest search term accepted. */
    static final int MAX_TERM_CHARS = 100;
    private final Handlers handlers;
    private final ServerStats stats;
    private final ServerMetrics metrics;
    private final Answers answers;

    ProductRoutes(Handlers handlers, ServerStats stats, ServerMetrics metrics, Answers answers) {
        this.handlers = handlers;
        this.stats = stats;
        this.metrics = metrics;
        this.answers = answers;
    }

    void mount(RouteTable table) {
        mount(table, Mode.BLOCKING_DB, handlers.blockingDbItems());
        mount(table, Mode.ASYNC_DB, handlers.asyncDbItems());
    }

    private void mount(RouteTable table, Mode mode, ProductStore store) {
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
