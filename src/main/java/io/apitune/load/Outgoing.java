package io.apitune.load;

import java.util.List;

import io.apitune.load.LoadConfig.Header;

/**
 * One request ready to send: which request of the run it is ({@link RequestTemplate#request})
 * and, when it has placeholders, its URL, headers and body as rendered for this send. A
 * transport sends a request without placeholders in the form it built once for it. It also says
 * whether the answer's headers or body are needed (by a check); a transport keeps neither
 * otherwise. A driver reuses one per request slot.
 *
 * <p>Thread model: lane thread only; a transport reads it during {@link Transport.Call#send}.
 */
public final class Outgoing {
    int request;
    boolean rendered;
    String method;
    String url;
    List<Header> headers;
    byte[] body;
    boolean wantsHeaders;
    boolean wantsBody;

    /** The index of the request in {@link RequestTemplate#requests()}. */
    public int request() {
        return request;
    }

    /** False when the request has no placeholders: send its prebuilt form. */
    public boolean rendered() {
        return rendered;
    }

    /** The HTTP method, upper case; only when {@link #rendered()}. */
    public String method() {
        return method;
    }

    /** A {@code GET} of {@code url} with no headers and no body, wanting nothing back (a probe). */
    static Outgoing get(String url) {
        Outgoing probe = new Outgoing();
        probe.request = -1;
        probe.rendered = true;
        probe.method = "GET";
        probe.url = url;
        probe.headers = List.of();
        return probe;
    }

    /** The absolute URL; only when {@link #rendered()}. */
    public String url() {
        return url;
    }

    /** Every header, in order; only when {@link #rendered()}. */
    public List<Header> headers() {
        return headers;
    }

    /** The body, or null; only when {@link #rendered()}. */
    public byte[] body() {
        return body;
    }

    /** True when the answer's headers must be kept for {@link Transport.Response}. */
    public boolean wantsHeaders() {
        return wantsHeaders;
    }

    /** True when the answer's body must be kept for {@link Transport.Response}. */
    public boolean wantsBody() {
        return wantsBody;
    }
}
