package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.RequestSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

class Http1RequestsTest {

    private static Http1Requests requests(String method, String url, List<Header> headers, byte[] body) {
        LoadConfig config = new LoadConfig(new RequestSpec(method, url, headers, body),
                new KeySpace(100, KeySpace.Distribution.UNIFORM, 0), null, LoadConfig.Arrival.CONSTANT,
                1, Duration.ofSeconds(1), null, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5));
        return new Http1Requests(new RequestTemplate(config));
    }

    private static Outgoing constant() {
        Outgoing out = new Outgoing();
        out.request = 0;
        return out;
    }

    private static String text(Http1Requests requests, Outgoing out) {
        ByteBuf bytes = requests.bytes(out, ByteBufAllocator.DEFAULT);
        try {
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            bytes.release();
        }
    }

    @Test
    void aConstantGetIsItsRequestLineHostAndHeadersOnly() {
        Http1Requests r = requests("GET", "http://127.0.0.1:8080/json?x=1", List.of(new Header("X-A", "b")), null);
        assertThat(text(r, constant())).isEqualTo(
                "GET /json?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A: b\r\n\r\n");
        // every send writes the same bytes again
        assertThat(text(r, constant())).startsWith("GET /json?x=1 HTTP/1.1\r\n");
        assertThat(r.origin(constant())).isEqualTo("http://127.0.0.1:8080");
        assertThat(r.closes(constant())).isFalse();
        assertThat(r.head(constant())).isFalse();
    }

    @Test
    void aBodyGetsItsLengthAndAPostWithoutOneGetsZero() {
        Http1Requests post = requests("POST", "http://h/items", List.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(text(post, constant())).isEqualTo(
                "POST /items HTTP/1.1\r\nHost: h\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
        Http1Requests empty = requests("PUT", "http://h:80", List.of(), null);
        assertThat(text(empty, constant())).isEqualTo("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void givenHostAndConnectionHeadersAreKeptAndCloseIsSeen() {
        Http1Requests r = requests("HEAD", "https://example.test/",
                List.of(new Header("Host", "other"), new Header("Connection", "Close")), null);
        assertThat(text(r, constant())).isEqualTo("HEAD / HTTP/1.1\r\nHost: other\r\nConnection: Close\r\n\r\n");
        assertThat(r.closes(constant())).isTrue();
        assertThat(r.head(constant())).isTrue();
    }

    @Test
    void aRenderedRequestIsEncodedPerSendWithItsUrlFixed() {
        Http1Requests r = requests("GET", "http://h/item/{key}", List.of(), null);
        Outgoing out = new Outgoing();
        out.request = 0;
        out.rendered = true;
        out.method = "GET";
        out.url = "http://h/q?name=a b&city=Zürich";
        out.headers = List.of(new Header("X-Id", "7"));
        assertThat(text(r, out)).isEqualTo(
                "GET /q?name=a%20b&city=Z%C3%BCrich HTTP/1.1\r\nHost: h\r\nX-Id: 7\r\n\r\n");
        assertThat(r.origin(out)).isEqualTo("http://h");
    }

    @Test
    void fixedLeavesAValidUrlAlone() {
        String url = "http://h/a/b%20c?x=1&y=%2F#f";
        assertThat(Http1Requests.fixed(url)).isSameAs(url);
        assertThat(Http1Requests.fixed("http://h/{x}|\"")).isEqualTo("http://h/%7Bx%7D%7C%22");
    }
}
