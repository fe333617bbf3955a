package io.apitune.load;

import java.util.List;

import io.apitune.load.LoadConfig.Header;

/**
 * One request ready to send: which request of the run it is ({@link #request})
 * and, when it has placeholders, its URL, headers and body as rendered for this send. A
 * transport sends a request without placeholders in the form it built once for it. It also says
 * whether the answer's headers or body are needed (by a check); a transport keeps neither
 * otherwise. A driver reuses one per request slot.
 *
 * <p>Thread model: lane thread only; a transport reads it during {@link Transport.Call#send}.
 */
public final class Outgoing {
    /** The index of the request in {@link RequestTemplate#compiled()}; -1 for a probe. */
    int request;
    /** False when the request has no placeholders: send its prebuilt form. */
    boolean rendered;
    /** The HTTP method, upper case; only when {@link #rendered}. */
    String method;
    /** The absolute URL; only when {@link #rendered}. */
    String url;
    /** Every header, in order; only when {@link #rendered}. */
    List<Header> headers;
    /** The body, or null; only when {@link #rendered}. */
    byte[] body;
    /** True when the answer's headers must be kept for {@link Transport.Response}. */
    boolean wantsHeaders;
    /** True when the answer's body must be kept for {@link Transport.Response}. */
    boolean wantsBody;

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
}
