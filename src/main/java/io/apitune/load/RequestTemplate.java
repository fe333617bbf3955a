package io.apitune.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.RequestSpec;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.channel.ChannelPoolPartitioning;

/**
 * Builds the AsyncHttpClient request for each send from a {@link RequestSpec}, substituting a
 * drawn key for every {@code {key}} in the URL.
 *
 * <p>Immutable; thread-safe.
 */
public final class RequestTemplate {
    /** The placeholder replaced by a key. */
    public static final String KEY_PLACEHOLDER = "{key}";

    private final RequestSpec spec;
    private final KeyChooser keys;
    private final boolean keyed;
    private final Request fixed;
    private final String hostHeader;
    private final ChannelPoolPartitioning partitioning;

    public RequestTemplate(RequestSpec spec, KeyChooser keys) {
        this.spec = spec;
        this.keys = keys;
        this.keyed = spec.url().contains(KEY_PLACEHOLDER);
        URI sample = validateUrl(spec.url().replace(KEY_PLACEHOLDER, "1"));
        // When keys only change the path, the Host header and the connection-pool key are the
        // same for every request: compute them once instead of per request (hot path).
        boolean fixedOrigin = !origin(spec.url()).contains(KEY_PLACEHOLDER);
        this.hostHeader = fixedOrigin ? hostHeader(sample) : null;
        Object poolKey = origin(sample.toString());
        this.partitioning = fixedOrigin ? (uri, virtualHost, proxy) -> poolKey : null;
        this.fixed = keyed ? null : build(spec.url());
    }

    /** {@code scheme://authority} of a URL (everything before the path). */
    private static String origin(String url) {
        int schemeEnd = url.indexOf("://");
        int pathStart = url.indexOf('/', schemeEnd + 3);
        int queryStart = url.indexOf('?', schemeEnd + 3);
        int end = pathStart < 0 ? (queryStart < 0 ? url.length() : queryStart)
                : (queryStart < 0 ? pathStart : Math.min(pathStart, queryStart));
        return url.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** Checks that the URL is absolute http(s) with a host, naming the value otherwise. */
    public static URI validateUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApituneException.invalidInput("--url: '" + url
                        + "' is not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApituneException.invalidInput("--url: '" + url + "' is not a URL: "
                    + e.getReason());
        }
    }

    /** The request for the next send (a fresh key when the URL has a placeholder). */
    public Request next() {
        return keyed ? build(urlForKey(keys.next())) : fixed;
    }

    /** The URL with {@code key} substituted. */
    public String urlForKey(long key) {
        return spec.url().replace(KEY_PLACEHOLDER, Long.toString(key));
    }

    private Request build(String url) {
        RequestBuilder builder = new RequestBuilder(spec.method().toUpperCase(Locale.ROOT))
                .setUrl(url);
        for (Header header : spec.headers()) {
            builder.addHeader(header.name(), header.value());
        }
        if (spec.body() != null) {
            builder.setBody(spec.body());
        }
        if (hostHeader != null) {
            builder.setVirtualHost(hostHeader);
            builder.setChannelPoolPartitioning(partitioning);
        }
        return builder.build();
    }
}
