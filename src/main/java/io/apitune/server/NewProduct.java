package io.apitune.server;

import static io.apitune.server.HandlerException.badRequest;

import io.apitune.db.ProductSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The body of {@code POST /items}, {@code {"name": "…", "price": N}}, validated once: the name
 * a non-blank string of at most {@value ProductSchema#MAX_NAME_CHARS} characters, the price an
 * integer 0..2147483647. Other fields are ignored.
 *
 * <p>Immutable; thread-safe.
 */
public record NewProduct(String name, int price) {
    private static final String NOT_AN_OBJECT =
            "the body must be a JSON object {\"name\": \"…\", \"price\": N}";

    /**
     * @throws HandlerException 400 naming the problem: not JSON, not an object, a missing or
     *         mistyped field, a value out of range
     */
    public static NewProduct parse(Buffer body) {
        if (body == null || body.length() == 0) {
            throw badRequest(NOT_AN_OBJECT);
        }
        Object parsed;
        try {
            parsed = body.toJsonValue();
        } catch (DecodeException e) {
            throw badRequest("the body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject json)) {
            throw badRequest(NOT_AN_OBJECT);
        }
        return new NewProduct(name(json.getValue("name")), price(json.getValue("price")));
    }

    private static String name(Object value) {
        if (!(value instanceof String name)) {
            throw badRequest(value == null ? "name is missing" : "name must be a string");
        }
        if (name.isBlank() || name.length() > ProductSchema.MAX_NAME_CHARS) {
            throw badRequest("name must be 1.." + ProductSchema.MAX_NAME_CHARS
                    + " characters, not blank");
        }
        return name;
    }

    private static int price(Object value) {
        if (value == null) {
            throw badRequest("price is missing");
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw badRequest("price must be an integer, got " + HandlerException.shown(value));
        }
        long price = ((Number) value).longValue();
        if (price < 0 || price > Integer.MAX_VALUE) {
            throw badRequest("price must be 0.." + Integer.MAX_VALUE + ", got " + price);
        }
        return (int) price;
    }
}
