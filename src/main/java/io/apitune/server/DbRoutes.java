package io.apitune.server;

import java.util.function.Function;

import io.apitune.db.World;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * The TechEmpower database tests under each DB mode: {@code /db}, {@code /queries?queries=N},
 * {@code /updates?queries=N} and {@code /fortunes} for {@code blocking-db} and {@code async-db};
 * {@code /db} and {@code /queries?count=N} (TechEmpower "cached queries") for
 * {@code cached-db}. N follows {@link Queries#parse}. Without a database each answers 503.
 *
 * <p>Thread-safe once mounted: the handlers run on any event loop and never block.
 */
final class DbRoutes {
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
}
