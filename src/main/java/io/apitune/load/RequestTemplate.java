package io.apitune.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.RequestSpec;

/**
 * What every request of a run looks like, independent of the client that sends it: method,
 * headers, body, and the URL with a drawn key substituted for every {@code {key}}. A
 * {@link Transport} turns it into its own request objects (once, when the URL has no key).
 *
 * <p>Immutable; thread-safe.
 */
public final class RequestTemplate {
    /** The placeholder replaced by a key. */
    public static final String KEY_PLACEHOLDER = "{key}";

    private final RequestSpec spec;
    private final KeyChooser keys;
    private final boolean keyed;
    private final String hostHeader;
    private final String origin;

    public RequestTemplate(RequestSpec spec, KeyChooser keys) {
        this.spec = spec;
        this.keys = keys;
        this.keyed = spec.url().contains(KEY_PLACEHOLDER);
        URI sample = validateUrl(spec.url().replace(KEY_PLACEHOLDER, "1"));
        // When keys only change the path, the Host header and the connection-pool key are the
        // same for every request: a transport computes them once instead of per request.
        boolean fixedOrigin = !origin(spec.url()).contains(KEY_PLACEHOLDER);
        this.hostHeader = fixedOrigin ? hostHeader(sample) : null;
        this.origin = fixedOrigin ? origin(sample.toString()) : null;
    }

    /** {@code scheme://authority} of a URL (everything before the path), lower case. */
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

    /** True when the URL has a {@code {key}} placeholder, so every request has its own URL. */
    public boolean keyed() {
        return keyed;
    }

    /** The URL of the next request: a fresh key when the URL has a placeholder. */
    public String nextUrl() {
        return keyed ? urlForKey(keys.next()) : spec.url();
    }

    /** The URL with {@code key} substituted. */
    public String urlForKey(long key) {
        return spec.url().replace(KEY_PLACEHOLDER, Long.toString(key));
    }

    /** The HTTP method, upper case. */
    public String method() {
        return spec.method().toUpperCase(Locale.ROOT);
    }

    /** Request headers in order. */
    public List<Header> headers() {
        return spec.headers();
    }

    /** The request body, or null. */
    public byte[] body() {
        return spec.body();
    }

    /**
     * The Host header every request carries ({@code host[:port]}), or null when keys change the
     * host (then each request computes its own).
     */
    public String hostHeader() {
        return hostHeader;
    }

    /** {@code scheme://authority} shared by every request, or null when keys change it. */
    public String origin() {
        return origin;
    }
}
