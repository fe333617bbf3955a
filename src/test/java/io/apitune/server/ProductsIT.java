package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.apitune.db.ProductSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The {@code /items} API in both DB modes over real HTTP: creates are real inserts (read back
 * over JDBC), seeded rows are where {@link ProductSchema} says, search is bounded, invalid
 * input is a 400 with a JSON error counted as a bad request.
 */
class ProductsIT {
    private static final List<String> MODES = List.of("blocking-db", "async-db");
    private final String base = SharedDbServer.base();

    @Test
    void postCreatesARowThatGetAndTheDatabaseReturn() throws Exception {
        for (String mode : MODES) {
            String name = "test \"" + mode + "\" <lamp> \u00e9";
            Http.Reply created = Http.postJson(base + "/" + mode + "/items",
                    new JsonObject().put("name", name).put("price", 42).encode());
            assertThat(created.status()).as(mode).isEqualTo(201);
            JsonObject body = new JsonObject(created.body());
            long id = body.getLong("id");
            assertThat(id).isGreaterThan(ProductSchema.SEED_ROWS);
            assertThat(body).isEqualTo(new JsonObject().put("id", id).put("name", name)
                    .put("price", 42));
            assertThat(created.header("location")).isEqualTo("/" + mode + "/items/" + id);

            Http.Reply read = Http.get(base + created.header("location"));
            assertThat(read.status()).isEqualTo(200);
            assertThat(new JsonObject(read.body())).isEqualTo(body);
            try (Connection c = SharedDbServer.jdbc(); PreparedStatement ps = c.prepareStatement(
                    "SELECT name, price FROM product WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(mode + " row " + id).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(name);
                    assertThat(rs.getInt(2)).isEqualTo(42);
                }
            }
        }
    }

    @Test
    void seededRowsAreAddressableByIdAndUnknownIdsAre404() throws Exception {
        for (String mode : MODES) {
            for (long id : new long[] {1, 42, ProductSchema.SEED_ROWS}) {
                Http.Reply r = Http.get(base + "/" + mode + "/items/" + id);
                assertThat(r.status()).as(mode + " " + id).isEqualTo(200);
                assertThat(new JsonObject(r.body())).isEqualTo(new JsonObject().put("id", id)
                        .put("name", ProductSchema.seedName(id))
                        .put("price", ProductSchema.seedPrice(id)));
            }
            Http.Reply missing = Http.get(base + "/" + mode + "/items/999999999");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(new JsonObject(missing.body()).getString("error")).contains("999999999");
            assertThat(Http.get(base + "/" + mode + "/items/abc").status()).isEqualTo(400);
        }
    }

    @Test
    void searchReturnsAtMostTwentyMatchesLowestIdsFirst() throws Exception {
        for (String mode : MODES) {
            JsonArray coral = search(mode, "Coral%20Chair");
            assertThat(coral.size()).isEqualTo(ProductSchema.SEARCH_LIMIT);
            long previous = 0;
            for (Object o : coral) {
                JsonObject row = (JsonObject) o;
                assertThat(row.getString("name")).startsWith("coral chair ");
                assertThat(row.getLong("id")).isGreaterThan(previous);
                previous = row.getLong("id");
            }
            assertThat(((JsonObject) coral.getValue(0)).getLong("id")).isEqualTo(22);
            assertThat(search(mode, "jade%20bench%204999").size()).isEqualTo(1);
            // % and _ are literal: no seeded name contains them.
            assertThat(search(mode, "%25")).isEmpty();
            assertThat(search(mode, "_")).isEmpty();
        }
    }

    @Test
    void invalidInputIs400WithAJsonErrorAndCountedAsABadRequest() throws Exception {
        List<String> bodies = List.of("", "{\"name\":\"x\"", "[1,2]", "{\"price\":3}",
                "{\"name\":\"x\"}", "{\"name\":7,\"price\":3}", "{\"name\":\" \",\"price\":3}",
                "{\"name\":\"x\",\"price\":1.5}", "{\"name\":\"x\",\"price\":\"3\"}",
                "{\"name\":\"x\",\"price\":-1}", "{\"name\":\"" + "n".repeat(201) + "\",\"price\":1}");
        for (String mode : MODES) {
            long before = badRequests(mode);
            for (String body : bodies) {
                Http.Reply r = Http.postJson(base + "/" + mode + "/items", body);
                assertThat(r.status()).as(mode + " " + body).isEqualTo(400);
                assertThat(new JsonObject(r.body()).getString("error")).as(body).isNotBlank();
            }
            Http.Reply noTerm = Http.get(base + "/" + mode + "/search");
            assertThat(noTerm.status()).isEqualTo(400);
            assertThat(badRequests(mode) - before).isEqualTo(bodies.size() + 1);
        }
        Http.Reply tooLarge = Http.postJson(base + "/async-db/items", "x".repeat(20_000));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(new JsonObject(tooLarge.body()).getString("error")).contains("larger");
    }

    private JsonArray search(String mode, String term) throws Exception {
        Http.Reply r = Http.get(base + "/" + mode + "/search?q=" + term);
        assertThat(r.status()).as(mode + " " + term).isEqualTo(200);
        return new JsonArray(r.body());
    }

    private long badRequests(String mode) throws Exception {
        return new JsonObject(Http.get(base + "/stats").body()).getJsonObject("modes")
                .getJsonObject(mode).getLong("badRequests");
    }
}
