package io.apitune.load;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.apitune.load.LoadConfig.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.util.AsciiString;

/**
 * HTTP/2 requests as Netty's codec writes them: a request without placeholders has its header
 * block ({@code :method}, {@code :scheme}, {@code :authority}, {@code :path}, then its own
 * headers, names lower-cased) built once, and every send hands the codec that same block (HPACK
 * then indexes it: after the first request a header block is a few bytes); a rendered one is
 * built per send. Connection-specific headers are left out, as RFC 9113 section 8.2.2 requires; a
 * {@code Host} header becomes {@code :authority}. A body goes as DATA frames after the HEADERS,
 * with {@code content-length} when the request did not give one, as over HTTP/1.1.
 *
 * <p>Immutable; thread-safe: the prebuilt header blocks are only read (by every lane's encoder),
 * and the prebuilt bodies through per-send duplicates.
 */
final class Http2Requests {
    /** Headers HTTP/2 forbids (RFC 9113 section 8.2.2); {@code te} is allowed as "trailers" only. */
    private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive",
            "proxy-connection", "transfer-encoding", "upgrade", "host");

    private final RequestTemplate template;
    /** Constant requests' header blocks by compiled index, null where rendered per send. */
    private final Http2Headers[] prebuilt;
    /** Constant requests' bodies (read-only, unreleasable), null when none. */
    private final ByteBuf[] prebuiltBodies;

    Http2Requests(RequestTemplate template) {
        this.template = template;
        CompiledRequest[] requests = template.compiled();
        this.prebuilt = new Http2Headers[requests.length];
        this.prebuiltBodies = new ByteBuf[requests.length];
        for (int i = 0; i < requests.length; i++) {
            CompiledRequest r = requests[i];
            if (r.constant) {
                prebuilt[i] = headers(r.method, r.constantUrl(), r.constantHeaders, r.constantBody);
                if (r.constantBody != null) {
                    prebuiltBodies[i] = Unpooled.unreleasableBuffer(
                            Unpooled.wrappedBuffer(r.constantBody).asReadOnly());
                }
            }
        }
    }

    /** The origin ({@code scheme://authority}, lower case) {@code next} goes to. */
    String origin(Outgoing next) {
        String shared = template.origin();
        return shared != null && !next.rendered ? shared : RequestTemplate.origin(next.url);
    }

    /** The header block of {@code next}: the prebuilt one, or built now. */
    Http2Headers headers(Outgoing next) {
        if (!next.rendered) {
            return prebuilt[next.request];
        }
        return headers(next.method, next.url, next.headers, next.body);
    }

    /** The body of {@code next} (a buffer the codec may release), or null when it has none. */
    ByteBuf body(Outgoing next) {
        if (!next.rendered) {
            ByteBuf body = prebuiltBodies[next.request];
            return body == null ? null : body.duplicate();
        }
        return next.body == null ? null : Unpooled.wrappedBuffer(next.body);
    }

    static Http2Headers headers(String method, String url, List<Header> headers, byte[] body) {
        URI uri = URI.create(Http1Requests.fixed(url));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        String authority = RequestTemplate.hostHeader(uri);
        boolean hasLength = false;
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase("host")) {
                authority = h.value();
            }
            hasLength |= h.name().equalsIgnoreCase("content-length");
        }
        // Not validated: names are lower-cased here, and a value is sent as the user gave it.
        Http2Headers out = new DefaultHttp2Headers(false, headers.size() + 5)
                .method(AsciiString.of(method))
                .scheme(AsciiString.of(uri.getScheme().toLowerCase(Locale.ROOT)))
                .authority(AsciiString.of(authority))
                .path(AsciiString.of(path));
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            boolean te = name.equals("te") && !h.value().trim().equalsIgnoreCase("trailers");
            if (!CONNECTION_SPECIFIC.contains(name) && !te) {
                out.add(AsciiString.of(name), h.value());
            }
        }
        boolean bodyExpected = body != null || method.equals("POST") || method.equals("PUT")
                || method.equals("PATCH");
        if (bodyExpected && !hasLength) {
            out.add(AsciiString.of("content-length"),
                    AsciiString.of(Integer.toString(body == null ? 0 : body.length)));
        }
        return out;
    }
}
