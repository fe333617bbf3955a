package io.apitune.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.apitune.load.LoadConfig.Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/**
 * HTTP/1.1 requests as the bytes on the wire, as wrk sends them: a request without placeholders
 * is encoded once and every send writes a view of those bytes; a rendered one is encoded per
 * send. A request carries its own headers plus {@code Host} (unless given) and, when it has a
 * body or its method usually has one, {@code Content-Length}; nothing else (no
 * {@code User-Agent}, no {@code Accept}). Characters a URL may not carry raw (spaces, non-ASCII)
 * are percent-encoded as UTF-8, as AsyncHttpClient did.
 *
 * <p>Immutable; thread-safe (the prebuilt buffers are read through per-send duplicates).
 */
final class Http1Requests {
    private static final byte[] CRLF = {'\r', '\n'};

    private final RequestTemplate template;
    /** Constant requests by compiled index, null where rendered per send. */
    private final ByteBuf[] prebuilt;
    private final boolean[] prebuiltCloses;

    Http1Requests(RequestTemplate template) {
        this.template = template;
        CompiledRequest[] requests = template.compiled();
        this.prebuilt = new ByteBuf[requests.length];
        this.prebuiltCloses = new boolean[requests.length];
        for (int i = 0; i < requests.length; i++) {
            CompiledRequest r = requests[i];
            if (r.constant) {
                ByteBuf bytes = Unpooled.directBuffer();
                encode(r.method, r.constantUrl(), r.constantHeaders, r.constantBody, bytes);
                prebuilt[i] = Unpooled.unreleasableBuffer(bytes.asReadOnly());
                prebuiltCloses[i] = closes(r.constantHeaders);
            }
        }
    }

    /** The origin ({@code scheme://authority}, lower case) {@code next} goes to. */
    String origin(Outgoing next) {
        String shared = template.origin();
        return shared != null && !next.rendered ? shared : RequestTemplate.origin(next.url);
    }

    /** The bytes of {@code next}: a view of the prebuilt ones, or newly encoded from {@code alloc}. */
    ByteBuf bytes(Outgoing next, ByteBufAllocator alloc) {
        if (!next.rendered) {
            return prebuilt[next.request].duplicate();
        }
        ByteBuf bytes = alloc.buffer(256);
        encode(next.method, next.url, next.headers, next.body, bytes);
        return bytes;
    }

    /** True when {@code next} asks the server to close the connection after answering. */
    boolean closes(Outgoing next) {
        return next.rendered ? closes(next.headers) : prebuiltCloses[next.request];
    }

    /** True for a HEAD request, whose answer has no body whatever its headers say. */
    boolean head(Outgoing next) {
        String method = next.rendered ? next.method : template.compiled()[next.request].method;
        return "HEAD".equals(method);
    }

    private static boolean closes(List<Header> headers) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Connection")
                    && header.value().toLowerCase(Locale.ROOT).contains("close")) {
                return true;
            }
        }
        return false;
    }

    private static void encode(String method, String url, List<Header> headers, byte[] body,
            ByteBuf out) {
        URI uri = URI.create(fixed(url));
        ascii(out, method).writeByte(' ');
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        ascii(out, path);
        if (uri.getRawQuery() != null) {
            ascii(out.writeByte('?'), uri.getRawQuery());
        }
        ascii(out, " HTTP/1.1").writeBytes(CRLF);
        if (!has(headers, "Host")) {
            header(out, "Host", RequestTemplate.hostHeader(uri));
        }
        for (Header h : headers) {
            header(out, h.name(), h.value());
        }
        boolean bodyExpected = body != null || method.equals("POST") || method.equals("PUT")
                || method.equals("PATCH");
        if (bodyExpected && !has(headers, "Content-Length")) {
            header(out, "Content-Length", Integer.toString(body == null ? 0 : body.length));
        }
        out.writeBytes(CRLF);
        if (body != null) {
            out.writeBytes(body);
        }
    }

    private static void header(ByteBuf out, String name, String value) {
        ascii(out, name).writeByte(':').writeByte(' ');
        out.writeCharSequence(value, StandardCharsets.UTF_8);
        out.writeBytes(CRLF);
    }

    private static ByteBuf ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
        return out;
    }

    private static boolean has(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code url} with every character a URL may not carry raw percent-encoded as UTF-8. */
    static String fixed(String url) {
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            boolean raw = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            if (raw) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < url.length() ? i + 2 : i + 1;
            for (byte b : url.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = end - 1;
        }
        return out == null ? url : out.toString();
    }
}
