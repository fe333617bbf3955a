package io.apitune.server;

import java.util.List;

import io.apitune.db.Product;
import io.vertx.core.Future;

/**
 * The {@code /items} API of a DB mode: create, read by id, search by name. {@code blocking-db}
 * implements it with JDBC on its worker pool, {@code async-db} with vertx-pg-client.
 *
 * <p>Implementations are thread-safe; call from any event loop. Failures are
 * {@link HandlerException}s: 404 for an unknown id, 503 for a full pool or an unreachable
 * database.
 */
public interface ProductStore {
    /** Inserts the row and returns it with its new id. */
    Future<Product> create(NewProduct product);

    /** The row with this id, or a failed future with a 404 {@link HandlerException}. */
    Future<Product> find(long id);

    /**
     * At most {@link io.apitune.db.ProductSchema#SEARCH_LIMIT} rows whose name contains
     * {@code term} (case-insensitive), lowest ids first.
     */
    Future<List<Product>> search(String term);

    static HandlerException noSuchItem(long id) {
        return HandlerException.notFound("no item with id " + id);
    }
}
