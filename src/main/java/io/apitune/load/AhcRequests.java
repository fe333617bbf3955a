package io.apitune.load;

import java.util.List;

import io.apitune.load.LoadConfig.Header;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;

/**
 * Builds AsyncHttpClient requests from a {@link RequestTemplate}: once for each request without
 * placeholders, per send for a rendered {@link Outgoing}. The Host header is computed once when
 * every request goes to one origin. Each {@link H2Connection} is its own pool key, so a request
 * names the connection it goes to: the constant requests are prebuilt once per connection
 * ({@link #prebuiltOn}), rendered ones built per send with the connection.
 *
 * <p>Immutable; thread-safe.
 */
final class AhcRequests {
    private final RequestTemplate template;
    private final String hostHeader;

    AhcRequests(RequestTemplate template) {
        this.template = template;
        this.hostHeader = template.hostHeader();
    }

    /**
     * The constant requests of the template built for {@code connection}, by compiled-request
     * index; null where a request is rendered per send.
     */
    Request[] prebuiltOn(H2Connection connection) {
        CompiledRequest[] requests = template.compiled();
        Request[] built = new Request[requests.length];
        for (int i = 0; i < requests.length; i++) {
            CompiledRequest r = requests[i];
            if (r.constant) {
                built[i] = build(r.method, r.constantUrl(), r.constantHeaders, r.constantBody, true,
                        connection);
            }
        }
        return built;
    }

    /** The request to send for {@code next} on {@code connection}. */
    Request request(Outgoing next, H2Connection connection) {
        if (next.rendered) {
            return build(next.method, next.url, next.headers, next.body, sharesOrigin(next),
                    connection);
        }
        return connection.prebuilt(next.request);
    }

    /**
     * A run's request shares the run's origin; a probe does when it asks the same origin, so the
     * connection it opens is the pool's, reused by the run rather than one more.
     */
    private boolean sharesOrigin(Outgoing next) {
        return next.request >= 0 || RequestTemplate.origin(next.url).equals(template.origin());
    }

    /**
     * @param sharedOrigin false for a probe, which may go elsewhere than the run's requests
     * @param connection   the HTTP/2 connection that is the pool key
     */
    private Request build(String method, String url, List<Header> headers, byte[] body,
            boolean sharedOrigin, H2Connection connection) {
        RequestBuilder builder = new RequestBuilder(method).setUrl(url);
        for (Header header : headers) {
            builder.addHeader(header.name(), header.value());
        }
        if (body != null) {
            builder.setBody(body);
        }
        if (hostHeader != null && sharedOrigin) {
            builder.setVirtualHost(hostHeader);
        }
        return builder.setChannelPoolPartitioning(connection).build();
    }
}
