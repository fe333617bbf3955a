package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every mode over every protocol: HTTP/1.1, h2c by upgrade (the JDK client), h2c with prior
 * knowledge (curl), h2 and HTTP/1.1 over TLS through ALPN (the JDK client trusting
 * exactly the server's self-signed certificate). The answers equal the HTTP/1.1 ones, and
 * {@code /stats} counts each protocol. One cleartext server with the embedded PostgreSQL and one
 * TLS server on the same database serve the whole class.
 */
class ProtocolsIT {
    private static final List<String> SAME_BODY = List.of("/plaintext", "/json",
            "/blocking/item/7", "/async/item/7", "/cached/item/7", "/virtual/item/7",
            "/async/item/x", "/no/such/path");
    private static final List<String> DB_PATHS = List.of("/blocking-db/db", "/async-db/db",
            "/blocking-db/queries?queries=3", "/async-db/queries?queries=3");

    private static ReferenceServer clear;
    private static ReferenceServer tls;
    private static HttpClient http1;
    private static HttpClient h2cUpgrade;
    private static HttpClient overTls;
    private static HttpClient overTlsHttp11;

    /** One answer, whichever client fetched it. */
    record Answer(int status, String version, String body) {
    }

    @BeforeAll
    static void start() throws Exception {
        ServerConfig base = new ServerConfig("127.0.0.1", 0, Duration.ofMillis(2), Duration.ZERO,
                4, 64, 1_000, Duration.ofMinutes(1), null, 4, true);
        clear = ReferenceServer.start(base);
        String dbUrl = "postgresql://postgres@" + clear.databaseAddress().orElseThrow() + "/postgres";
        tls = ReferenceServer.start(new ServerConfig("127.0.0.1", 0, Duration.ofMillis(2),
                Duration.ZERO, 4, 64, 1_000, Duration.ofMinutes(1), dbUrl, 4, true)
                .withNetwork(NetworkConfig.selfSignedTls()));
        http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        h2cUpgrade = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        overTls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .sslContext(Http.trusting(tls.tlsCertificate().orElseThrow())).build();
        overTlsHttp11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(Http.trusting(tls.tlsCertificate().orElseThrow())).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
        if (clear != null) {
            clear.close();
        }
    }

    @Test
    void everyModeAnswersOverEveryProtocolAsOverHttp11() throws Exception {
        for (String path : SAME_BODY) {
            Answer reference = jdk(http1, clear.baseUrl() + path);
            assertThat(reference.version()).isEqualTo("http/1.1");
            for (Answer other : List.of(jdk(h2cUpgrade, clear.baseUrl() + path), curlPriorKnowledge(path),
                    jdk(overTls, tls.baseUrl() + path), jdkHttp11(tls.baseUrl() + path))) {
                assertThat(other.status()).as(path + " " + other.version())
                        .isEqualTo(reference.status());
                assertThat(other.body()).as(path + " " + other.version())
                        .isEqualTo(reference.body());
            }
        }
        for (String path : DB_PATHS) {
            for (Answer answer : List.of(jdk(http1, clear.baseUrl() + path),
                    jdk(h2cUpgrade, clear.baseUrl() + path), curlPriorKnowledge(path),
                    jdk(overTls, tls.baseUrl() + path), jdkHttp11(tls.baseUrl() + path))) {
                assertThat(answer.status()).as(path + " " + answer.version()).isEqualTo(200);
                assertWorlds(path, answer.body());
            }
        }
    }

    @Test
    void eachClientGetsTheProtocolItAskedFor() throws Exception {
        assertThat(jdk(h2cUpgrade, clear.baseUrl() + "/json").version()).isEqualTo("h2");
        assertThat(curlPriorKnowledge("/json").version()).isEqualTo("h2");
        assertThat(jdk(overTls, tls.baseUrl() + "/json").version()).isEqualTo("h2");
        assertThat(jdkHttp11(tls.baseUrl() + "/json").version()).isEqualTo("http/1.1");
        assertThat(tls.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(tls.tlsFingerprint().orElseThrow()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(clear.tlsFingerprint()).isEmpty();
    }

    @Test
    void statsCountRequestsPerProtocol() throws Exception {
        JsonObject clearBefore = protocols(clear);
        JsonObject tlsBefore = protocols(tls);
        for (int i = 0; i < 3; i++) {
            jdk(http1, clear.baseUrl() + "/plaintext");
            jdk(h2cUpgrade, clear.baseUrl() + "/plaintext");
            curlPriorKnowledge("/plaintext");
            jdk(overTls, tls.baseUrl() + "/plaintext");
        }
        jdkHttp11(tls.baseUrl() + "/plaintext");
        JsonObject clearAfter = protocols(clear);
        JsonObject tlsAfter = protocols(tls);
        // The first /stats read is counted as one http/1.1 (or http/1.1+tls) request.
        assertThat(delta(clearBefore, clearAfter, "http/1.1")).isEqualTo(3 + 1);
        assertThat(delta(clearBefore, clearAfter, "h2c")).isEqualTo(6);
        assertThat(delta(clearBefore, clearAfter, "h2")).isZero();
        assertThat(delta(tlsBefore, tlsAfter, "h2")).isEqualTo(3);
        assertThat(delta(tlsBefore, tlsAfter, "http/1.1+tls")).isEqualTo(1 + 1);
        assertThat(delta(tlsBefore, tlsAfter, "h2c")).isZero();
    }

    private static JsonObject protocols(ReferenceServer server) throws Exception {
        HttpClient client = server == tls ? overTlsHttp11 : http1;
        return new JsonObject(jdk(client, server.baseUrl() + "/stats").body())
                .getJsonObject("protocols");
    }

    private static long delta(JsonObject before, JsonObject after, String key) {
        return after.getLong(key) - before.getLong(key);
    }

    private static void assertWorlds(String path, String body) {
        if (path.contains("queries")) {
            JsonArray rows = new JsonArray(body);
            assertThat(rows.size()).as(path).isEqualTo(3);
            rows.forEach(row -> assertThat(((JsonObject) row).fieldNames())
                    .containsExactlyInAnyOrder("id", "randomNumber"));
        } else {
            assertThat(new JsonObject(body).fieldNames()).as(path)
                    .containsExactlyInAnyOrder("id", "randomNumber");
        }
    }

    private static Answer jdk(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(),
                r.version() == HttpClient.Version.HTTP_2 ? "h2" : "http/1.1", r.body());
    }

    private static Answer jdkHttp11(String url) throws Exception {
        return jdk(overTlsHttp11, url);
    }

    /**
     * h2c with prior knowledge, by curl as the issue's acceptance check runs it: the HTTP/2
     * preface at once, one fresh connection per request. (The Vert.x client used before
     * sometimes got no answer on its pooled prior-knowledge connection, about once in 12 runs of
     * this class under CPU load; its cause was not found, and curl's answers are what users see.)
     */
    private static Answer curlPriorKnowledge(String path) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--http2-prior-knowledge", "--max-time", "15",
                "-w", "\n%{http_code} %{http_version}", "http://127.0.0.1:" + clear.port() + path)
                .redirectErrorStream(true).start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(20, TimeUnit.SECONDS)).as("curl ended").isTrue();
        assertThat(curl.exitValue()).as("curl %s: %s", path, out).isZero();
        int cut = out.lastIndexOf('\n');
        String[] statusAndVersion = out.substring(cut + 1).trim().split(" ");
        return new Answer(Integer.parseInt(statusAndVersion[0]),
                statusAndVersion[1].equals("2") ? "h2" : "http/" + statusAndVersion[1],
                out.substring(0, cut));
    }
}
