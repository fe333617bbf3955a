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
        Endpoint create = Endpoint.of(stats, metrics, mode, "items.create");
        table.post(base + "/items", ctx -> {
            long startNanos = create.started();
            if (available(ctx, create, startNanos, store)) {
                create(ctx, create, startNanos, store, base);
            }
        });
        Endpoint read = Endpoint.of(stats, metrics, mode, "items.get");
        table.get(base + "/items/:id", ctx -> {
            long startNanos = read.started();
            if (available(ctx, read, startNanos, store)) {
                read(ctx, read, startNanos, store);
            }
        });
        Endpoint search = Endpoint.of(stats, metrics, mode, "search");
        table.get(base + "/search", ctx -> {
            long startNanos = search.started();
            if (available(ctx, search, startNanos, store)) {
                search(ctx, search, startNanos, store);
            }
        });
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
        String raw = ctx.pathParam("id");
        long id = Routes.parseId(raw);
        if (id < 0) {
            answers.fail(ctx, endpoint, startNanos, HandlerException.badRequest(
                    "id must be an integer 0.." + Long.MAX_VALUE + ", got '" + Routes.shown(raw)
                            + "'"));
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

    private boolean available(RoutingContext ctx, Endpoint endpoint, long startNanos,
            ProductStore store) {
        if (store == null) {
            answers.databaseOff(ctx, endpoint, startNanos);
            return false;
        }
        return true;
    }
}
