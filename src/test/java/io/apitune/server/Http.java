package io.apitune.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Plain JDK HTTP client over loopback for the server tests. Thread-safe. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** Seconds between the Date header and now. */
        long dateSkewSeconds() {
            ZonedDateTime date = ZonedDateTime.parse(header("date"),
                    DateTimeFormatter.RFC_1123_DATE_TIME);
            return Math.abs(Duration.between(date, ZonedDateTime.now()).toSeconds());
        }

        int bodyBytes() {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    static Reply get(String url) throws Exception {
        return getAsync(url).get();
    }

    /** Any method, with an optional body (null: none) and header name/value pairs. */
    static Reply send(String method, String url, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15)).method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> r = CLIENT.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    /** POST of a JSON body. */
    static Reply postJson(String url, String json) throws Exception {
        return send("POST", url, json, "Content-Type", "application/json");
    }

    /** A TLS context that trusts exactly {@code certificate} (e.g. the server's self-signed one). */
    static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("apitune", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static CompletableFuture<Reply> getAsync(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15)).GET().build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.headers(), r.body()));
    }
}
