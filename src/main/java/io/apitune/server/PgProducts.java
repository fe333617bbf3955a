package io.apitune.server;

import java.util.ArrayList;
import java.util.List;

import io.apitune.db.Product;
import io.apitune.db.ProductSchema;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * {@code /async-db/items}: one pipelined vertx-pg-client statement per request, no thread held.
 *
 * <p>Thread-safe; call from any event loop.
 */
public final class PgProducts implements ProductStore {
    private final SqlClient client;

    public PgProducts(SqlClient client) {
        this.client = client;
    }

    @Override
    public Future<Product> create(NewProduct product) {
        return AsyncDbHandler.bounded(client.preparedQuery(ProductSchema.INSERT)
                .execute(Tuple.of(product.name(), product.price()))
                .map(rows -> new Product(rows.iterator().next().getLong(0), product.name(),
                        product.price())));
    }

    @Override
    public Future<Product> find(long id) {
        return AsyncDbHandler.bounded(client.preparedQuery(ProductSchema.SELECT_BY_ID)
                .execute(Tuple.of(id)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ProductStore.noSuchItem(id));
                    }
                    return Future.succeededFuture(product(rows.iterator().next()));
                }));
    }

    @Override
    public Future<List<Product>> search(String term) {
        return AsyncDbHandler.bounded(client.preparedQuery(ProductSchema.SEARCH)
                .execute(Tuple.of(ProductSchema.containsPattern(term))).map(PgProducts::all));
    }

    private static List<Product> all(RowSet<Row> rows) {
        List<Product> products = new ArrayList<>(rows.size());
        for (Row row : rows) {
            products.add(product(row));
        }
        return products;
    }

    private static Product product(Row row) {
        return new Product(row.getLong(0), row.getString(1), row.getInteger(2));
    }
}
