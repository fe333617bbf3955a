package io.apitune.load;

import io.apitune.load.LoadConfig.Header;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.channel.ChannelPoolPartitioning;

/**
 * Builds AsyncHttpClient requests from a {@link RequestTemplate}: once for a fixed URL, per send
 * when the URL has a key. Host header and pool key are computed once when keys only change the
 * path. Over HTTP/2 each {@link H2Connection} is its own pool key, so a request names the
 * connection it goes to.
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
        this.fixed = template.keyed() ? null : build(template.nextUrl(), null);
    }

    /** The request for the next send over HTTP/1.1. */
    Request next() {
        return fixed != null ? fixed : build(template.nextUrl(), null);
    }

    /** The request for the next send on {@code connection}, or over HTTP/1.1 when it is null. */
    Request next(H2Connection connection) {
        return connection == null ? next() : connection.next(this);
    }

    /** The one request of a URL without key on {@code connection}, or null when keyed. */
    Request fixedOn(H2Connection connection) {
        return template.keyed() ? null : build(template.nextUrl(), connection);
    }

    /** A request with a fresh key on {@code connection}. */
    Request keyedOn(H2Connection connection) {
        return build(template.nextUrl(), connection);
    }

    private Request build(String url, H2Connection connection) {
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
        if (connection != null) {
            builder.setChannelPoolPartitioning(connection);
        }
        return builder.build();
    }
}
