package io.apitune.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.apitune.db.Product;
import io.apitune.db.ProductSchema;
import io.vertx.core.Future;

/**
 * {@code /blocking-db/items}: JDBC on the {@code blocking-db} mode's bounded worker pool, one
 * statement per request (autocommit).
 *
 * <p>Thread-safe; call from any event loop.
 */
public final class JdbcProducts implements ProductStore {
    private final BlockingDbHandler handler;
    private final DataSource dataSource;

    /** @param handler the mode's handler, whose worker pool and timeout this shares */
    public JdbcProducts(BlockingDbHandler handler, DataSource dataSource) {
        this.handler = handler;
        this.dataSource = dataSource;
    }

    @Override
    public Future<Product> create(NewProduct product) {
        return handler.onWorker(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(ProductSchema.INSERT_JDBC)) {
                ps.setString(1, product.name());
                ps.setInt(2, product.price());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Product(rs.getLong(1), product.name(), product.price());
                }
            }
        });
    }

    @Override
    public Future<Product> find(long id) {
        return handler.<Product>onWorker(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(ProductSchema.SELECT_BY_ID_JDBC)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ProductStore.noSuchItem(id);
                    }
                    return ProductSchema.read(rs);
                }
            }
        });
    }

    @Override
    public Future<List<Product>> search(String term) {
        return handler.onWorker(() -> {
            List<Product> rows = new ArrayList<>(ProductSchema.SEARCH_LIMIT);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(ProductSchema.SEARCH_JDBC)) {
                ps.setString(1, ProductSchema.containsPattern(term));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ProductSchema.read(rs));
                    }
                }
            }
            return rows;
        });
    }
}
