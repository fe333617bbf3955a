package io.apitune.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.RequestSpec;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;

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

    public RequestTemplate(RequestSpec spec, KeyChooser keys) {
        this.spec = spec;
        this.keys = keys;
        this.keyed = spec.url().contains(KEY_PLACEHOLDER);
        validateUrl(spec.url().replace(KEY_PLACEHOLDER, "1"));
        this.fixed = keyed ? null : build(spec.url());
    }

    /** Checks that the URL is absolute http(s) with a host, naming the value otherwise. */
    public static void validateUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ApituneException.invalidInput("--url: '" + url
                        + "' is not an http:// or https:// URL with a host");
            }
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
        return builder.build();
    }
}
