package io.apitune.load;

import java.util.List;

import io.apitune.load.LoadConfig.Header;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.channel.ChannelPoolPartitioning;

/**
 * Builds AsyncHttpClient requests from a {@link RequestTemplate}: once for each request without
 * placeholders, per send for a rendered {@link Outgoing}. Host header and pool key are computed
 * once when every request goes to one origin.
 *
 * <p>Immutable; thread-safe.
 */
final class AhcRequests {
    private final String hostHeader;
    private final ChannelPoolPartitioning partitioning;
    private final Request[] prebuilt;

    AhcRequests(RequestTemplate template) {
        Object poolKey = template.origin();
        this.hostHeader = template.hostHeader();
        this.partitioning = poolKey == null ? null : (uri, virtualHost, proxy) -> poolKey;
        CompiledRequest[] requests = template.compiled();
        this.prebuilt = new Request[requests.length];
        for (int i = 0; i < requests.length; i++) {
            CompiledRequest r = requests[i];
            if (r.constant) {
                prebuilt[i] = build(r.method, r.constantUrl(), r.constantHeaders, r.constantBody, true);
            }
        }
    }

    /** The request to send for {@code next}. */
    Request request(Outgoing next) {
        return next.rendered ? build(next.method, next.url, next.headers, next.body, next.request >= 0)
                : prebuilt[next.request];
    }

    /** @param sharedOrigin false for a probe, which may go elsewhere than the run's requests */
    private Request build(String method, String url, List<Header> headers, byte[] body,
            boolean sharedOrigin) {
        RequestBuilder builder = new RequestBuilder(method).setUrl(url);
        for (Header header : headers) {
            builder.addHeader(header.name(), header.value());
        }
        if (body != null) {
            builder.setBody(body);
        }
        if (hostHeader != null && sharedOrigin) {
            builder.setVirtualHost(hostHeader);
            builder.setChannelPoolPartitioning(partitioning);
        }
        return builder.build();
    }
}
