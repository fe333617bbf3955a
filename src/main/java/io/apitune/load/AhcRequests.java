package io.apitune.load;

import io.apitune.load.LoadConfig.Header;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.channel.ChannelPoolPartitioning;

/**
 * Builds AsyncHttpClient requests from a {@link RequestTemplate}: once for a fixed URL, per send
 * when the URL has a key. Host header and pool key are computed once when keys only change the
 * path.
 *
 * <p>Immutable; thread-safe.
 */
final class AhcRequests {
    private final RequestTemplate template;
    private final Request fixed;
    private final ChannelPoolPartitioning partitioning;

    AhcRequests(RequestTemplate template) {
        this.template = template;
        Object poolKey = template.origin();
        this.partitioning = poolKey == null ? null : (uri, virtualHost, proxy) -> poolKey;
        this.fixed = template.keyed() ? null : build(template.nextUrl());
    }

    /** The request for the next send. */
    Request next() {
        return fixed != null ? fixed : build(template.nextUrl());
    }

    private Request build(String url) {
        RequestBuilder builder = new RequestBuilder(template.method()).setUrl(url);
        for (Header header : template.headers()) {
            builder.addHeader(header.name(), header.value());
        }
        if (template.body() != null) {
            builder.setBody(template.body());
        }
        if (template.hostHeader() != null) {
            builder.setVirtualHost(template.hostHeader());
            builder.setChannelPoolPartitioning(partitioning);
        }
        return builder.build();
    }
}
