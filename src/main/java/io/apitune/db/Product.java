package io.apitune.db;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One row of the {@code product} table behind {@code /items}: what a shop API reads, searches
 * and creates.
 *
 * <p>Immutable; thread-safe.
 *
 * @param id    >= 1; seeded rows are 1..{@link ProductSchema#SEED_ROWS}, created ones follow
 * @param name  1..{@value ProductSchema#MAX_NAME_CHARS} characters
 * @param price >= 0
 */
public record Product(long id, String name, int price) {
    /** {@code {"id":7,"name":"…","price":12}}, the name JSON-escaped. */
    public JsonObject toJson() {
        return new JsonObject().put("id", id).put("name", name).put("price", price);
    }

    /** {@code [{"id":…,"name":…,"price":…},…]}. */
    public static String toJson(List<Product> rows) {
        JsonArray array = new JsonArray();
        for (Product p : rows) {
            array.add(p.toJson());
        }
        return array.encode();
    }
}
