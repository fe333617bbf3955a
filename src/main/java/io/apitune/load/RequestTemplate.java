package io.apitune.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.Header;

/**
 * What the requests of a run look like, independent of the client that sends them: the run's
 * one request, or each request of its mix, compiled once ({@link CompiledRequest}: method, URL,
 * headers and body as {@link Template}s, and checks). Relative paths of a mix resolve against the
 * run's base URL; the run's own headers go before each request's. A {@link Transport} builds its
 * own request objects from it: once for a request without placeholders.
 *
 * <p>Immutable; thread-safe.
 */
public final class RequestTemplate {
    /** The placeholder of a single-URL run's key, also written {@code ${key}}. */
    public static final String KEY_PLACEHOLDER = "{key}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}|\\{key}");

    private final CompiledRequest[] requests;
    private final boolean mix;
    private final String hostHeader;
    private final String origin;
    private final String probeUrl;

    public RequestTemplate(LoadConfig config) {
        RequestMix mix = config.mix();
        List<FeederSpec> feeders = mix.feeders();
        LoadConfig.RequestSpec run = config.request();
        List<CompiledRequest> compiled = new ArrayList<>();
        if (!mix.isMix()) {
            compiled.add(new CompiledRequest(0, "", run.method(), run.url(), run.headers(), run.body(),
                    List.of(), feeders));
        } else {
            for (MixRequest r : mix.requests()) {
                List<Header> headers = new ArrayList<>(run.headers());
                headers.addAll(r.request().headers());
                compiled.add(new CompiledRequest(compiled.size(), r.name(), r.request().method(),
                        resolve(run.url(), r.request().url()), headers, r.request().body(), r.checks(),
                        feeders));
            }
        }
        this.requests = compiled.toArray(CompiledRequest[]::new);
        this.mix = mix.isMix();
        for (CompiledRequest r : requests) {
            validateUrl(sampleUrl(r.url.text()));
        }
        // When every request goes to one fixed origin, the Host header and the connection-pool
        // key are the same for every request: a transport computes them once, not per request.
        String shared = sharedOrigin();
        this.origin = shared;
        this.hostHeader = shared == null ? null : hostHeader(URI.create(shared));
        // A shard probes its own first key, so shards do not all probe the same one.
        this.probeUrl = probeUrl(run.url(), Long.toString(1 + config.shard().index()));
    }

    /** {@code path} on {@code base}, or {@code path} itself when it is an absolute URL. */
    static String resolve(String base, String path) {
        if (isAbsolute(path)) {
            return path;
        }
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + (path.startsWith("/") ? path : "/" + path);
    }

    /** True for {@code http://} and {@code https://} URLs (any case). */
    public static boolean isAbsolute(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** {@code url} with every placeholder replaced by {@code 1}: what a URL check can parse. */
    public static String sampleUrl(String url) {
        return PLACEHOLDER.matcher(url.replace("$${", "$")).replaceAll("1");
    }

    private String sharedOrigin() {
        String shared = null;
        for (CompiledRequest r : requests) {
            String prefix = r.url.constant() ? r.url.constantText() : r.url.prefix();
            int schemeEnd = prefix.indexOf("://");
            int authorityEnd = schemeEnd < 0 ? -1 : indexOfAny(prefix, schemeEnd + 3);
            if (authorityEnd < 0 && !r.url.constant()) {
                return null; // a placeholder in the host or port
            }
            String o = origin(prefix);
            if (shared != null && !shared.equals(o)) {
                return null;
            }
            shared = o;
        }
        return shared;
    }

    private static int indexOfAny(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '/' || text.charAt(i) == '?') {
                return i;
            }
        }
        return -1;
    }

    /** {@code scheme://authority} of a URL (everything before the path), lower case. */
    static String origin(String url) {
        int schemeEnd = url.indexOf("://");
        int end = indexOfAny(url, schemeEnd + 3);
        return url.substring(0, end < 0 ? url.length() : end).toLowerCase(Locale.ROOT);
    }

    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /**
     * The URL of the reachability probe: a single request's URL with {@code key} when that is all it
     * substitutes; otherwise the base URL (a mix) or the origin, since a feeder's rows or a
     * sequence number must not be spent on a probe. Any HTTP answer will do.
     */
    private String probeUrl(String base, String key) {
        if (mix) {
            return isAbsolute(base) ? base : origin(requests[0].url.prefix()) + "/";
        }
        Template url = requests[0].url;
        String text = url.text();
        if (!PLACEHOLDER.matcher(text.replace("${key}", "").replace(KEY_PLACEHOLDER, "")).find()) {
            return text.replace("${key}", key).replace(KEY_PLACEHOLDER, key);
        }
        return origin(url.prefix()) + "/";
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

    /** The compiled requests: one for a single-request run, else the mix in order. */
    CompiledRequest[] compiled() {
        return requests;
    }

    /** How many requests the run has (1 for a single-request run). */
    public int size() {
        return requests.length;
    }

    /** True when the run sends a mix of named requests. */
    public boolean mix() {
        return mix;
    }

    /** The names of a mix's requests, in order; empty for a single-request run. */
    public List<String> names() {
        return mix ? java.util.Arrays.stream(requests).map(r -> r.name).toList() : List.of();
    }

    /** The names of request {@code index}'s checks, in order. */
    public List<String> checkNames(int index) {
        return requests[index].checks.names();
    }

    /** True when the probe or any request of the run goes to an https:// URL (TLS is needed). */
    boolean anyHttps() {
        if (probeUrl.toLowerCase(Locale.ROOT).startsWith("https:")) {
            return true;
        }
        for (CompiledRequest r : requests) {
            if (r.url.prefix().toLowerCase(Locale.ROOT).startsWith("https:")) {
                return true;
            }
        }
        return false;
    }

    /** The URL the reachability probe asks (see {@link #probeUrl(String, String)}). */
    public String probeUrl() {
        return probeUrl;
    }

    /**
     * The Host header every request carries ({@code host[:port]}), or null when requests differ
     * in it (then each request computes its own).
     */
    public String hostHeader() {
        return hostHeader;
    }

    /** {@code scheme://authority} shared by every request, or null. */
    public String origin() {
        return origin;
    }
}
