package io.apitune.load;

import java.util.Arrays;
import java.util.Locale;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.Http2Headers;

/**
 * One answer as a transport's request slot keeps it: its status, and the parts the request's
 * checks read, the headers and the body only when the request {@link Outgoing#wantsHeaders wants} them, the
 * body copied into one array the slot reuses, at most {@value Transport.Response#MAX_BODY_BYTES}
 * bytes of it.
 *
 * <p>Thread model: its slot's lane thread only.
 */
final class KeptAnswer implements Transport.Response {
    private static final byte[] NONE = new byte[0];

    private boolean keepHeaders;
    private boolean keepBody;
    /** The final answer's status; 0 until it arrived. */
    private int status;
    private HttpHeaders headers;
    /** An HTTP/2 answer's headers (names lower case), instead of {@link #headers}. */
    private Http2Headers headers2;
    private byte[] body = NONE;
    private int bodyLength;
    private boolean truncated;

    /** Forgets the last answer; keeps what {@code next} wants of the coming one. */
    void expect(Outgoing next) {
        keepHeaders = next.wantsHeaders;
        keepBody = next.wantsBody;
        status = 0;
        headers = null;
        headers2 = null;
        bodyLength = 0;
        truncated = false;
    }

    /** The final answer's status line and headers arrived. */
    void answered(int code, HttpHeaders received) {
        status = code;
        if (keepHeaders) {
            headers = received;
        }
    }

    /** The final answer's status and headers arrived. */
    void answered(int code, Http2Headers received) {
        status = code;
        if (keepHeaders) {
            headers2 = received;
        }
    }

    /** Copies {@code part} (readable bytes, valid during this call only) when the body is kept. */
    void bodyPart(ByteBuf part) {
        int n = part.readableBytes();
        if (!keepBody || truncated || n == 0) {
            return;
        }
        if (bodyLength + n > MAX_BODY_BYTES) {
            truncated = true;
            return;
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.max(1024, body.length * 2)));
        }
        part.getBytes(part.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    /** The final answer's status; 0 until it arrived. */
    int status() {
        return status;
    }

    /** This, when a check wants anything of the answer; else null. */
    Transport.Response orNull() {
        return keepHeaders || keepBody ? this : null;
    }

    @Override
    public String header(String name) {
        if (headers2 != null) {
            CharSequence value = headers2.get(name.toLowerCase(Locale.ROOT));
            return value == null ? null : value.toString();
        }
        return headers == null ? null : headers.get(name);
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public int bodyLength() {
        return bodyLength;
    }

    @Override
    public boolean bodyTruncated() {
        return truncated;
    }
}
