package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class NewProductTest {
    @Test
    void aValidBodyIsParsedAndExtraFieldsIgnored() {
        assertThat(parse("{\"name\": \"red mug\", \"price\": 12, \"colour\": \"red\"}"))
                .isEqualTo(new NewProduct("red mug", 12));
        assertThat(parse("{\"name\": \"x\", \"price\": 0}").price()).isZero();
        assertThat(parse("{\"name\": \"x\", \"price\": 2147483647}").price())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void everyInvalidBodyIsA400NamingTheProblem() {
        assertInvalid(null, "JSON object");
        assertInvalid("", "JSON object");
        assertInvalid("{\"name\":", "not valid JSON");
        assertInvalid("[]", "JSON object");
        assertInvalid("\"text\"", "JSON object");
        assertInvalid("{\"price\": 1}", "name is missing");
        assertInvalid("{\"name\": 5, \"price\": 1}", "name must be a string");
        assertInvalid("{\"name\": \"  \", \"price\": 1}", "not blank");
        assertInvalid("{\"name\": \"" + "a".repeat(201) + "\", \"price\": 1}", "1..200");
        assertInvalid("{\"name\": \"x\"}", "price is missing");
        assertInvalid("{\"name\": \"x\", \"price\": \"1\"}", "price must be an integer");
        assertInvalid("{\"name\": \"x\", \"price\": 1.5}", "price must be an integer");
        assertInvalid("{\"name\": \"x\", \"price\": -1}", "0..2147483647");
        assertInvalid("{\"name\": \"x\", \"price\": 2147483648}", "0..2147483647");
    }

    private static NewProduct parse(String json) {
        return NewProduct.parse(Buffer.buffer(json));
    }

    private static void assertInvalid(String body, String message) {
        assertThatThrownBy(() -> NewProduct.parse(body == null ? null : Buffer.buffer(body)))
                .as(body).isInstanceOf(HandlerException.class).hasMessageContaining(message)
                .extracting(e -> ((HandlerException) e).status()).isEqualTo(400);
    }
}
