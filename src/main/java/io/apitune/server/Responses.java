package io.apitune.server;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes every response with {@code Server}, {@code Date}, {@code Content-Type} and
 * {@code Content-Length}. For a {@code HEAD} request Vert.x sends the same headers and no body.
 *
 * <p>Thread-safe; call on the request's event loop.
 */
final class Responses {
    static final CharSequence SERVER = HttpHeaders.createOptimized("apitune");
    static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
    static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=utf-8");
    /** Seconds a rejected client should wait before retrying. */
    static final String RETRY_AFTER_SECONDS = "1";
    private final DateHeader date;

    Responses(DateHeader date) {
        this.date = date;
    }

    void text(HttpServerResponse response, int status, String body) {
        send(response, status, TEXT, body);
    }

    void json(HttpServerResponse response, int status, String body) {
        send(response, status, JSON, body);
    }

    void html(HttpServerResponse response, int status, String body) {
        send(response, status, HTML, body);
    }

    /** {@code {"error":"…"}} with the given status; adds {@code Retry-After} to rejections. */
    void error(HttpServerResponse response, int status, String message, boolean retryLater) {
        if (retryLater) {
            response.putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        json(response, status, new JsonObject().put("error", message).encode());
    }

    void send(HttpServerResponse response, int status, CharSequence type, String body) {
        Buffer buffer = Buffer.buffer(body.getBytes(StandardCharsets.UTF_8));
        response.setStatusCode(status)
                .putHeader(HttpHeaders.SERVER, SERVER)
                .putHeader(HttpHeaders.DATE, date.value())
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(buffer.length()))
                .end(buffer);
    }
}
