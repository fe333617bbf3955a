package io.apitune.run;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.apitune.load.FeederSpec;
import io.apitune.load.RequestTemplate;
import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;

/**
 * The one place a run's target settings become a {@link TargetSpec}. Every rule about targets is
 * stated here once, for flags and scenario keys alike: exactly one of mode and url; a server URL
 * or queries need a mode; queries only for the database modes and in 1..500; URLs are absolute
 * http(s) with a host; server-shape settings only where the run starts the server in-process.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class TargetSettings {
    /** Most rows a TechEmpower {@code queries} request may ask for. */
    public static final int MAX_QUERIES = 500;

    private final Map<TargetKey, Setting> values = new EnumMap<>(TargetKey.class);
    private final ShapeSettings shape = new ShapeSettings();
    private final Naming naming;
    private final Origin context;
    private Setting baseUrl;

    /**
     * @param naming  how messages name other settings: flags or scenario keys
     * @param context where to point when a setting is missing (the run as a whole)
     */
    public TargetSettings(Naming naming, Origin context) {
        this.naming = naming;
        this.context = context;
    }

    public TargetSettings set(TargetKey key, Setting value) {
        values.put(key, value);
        return this;
    }

    /** The base URL a mix's paths resolve against (scenario key {@code base-url}). */
    public TargetSettings baseUrl(Setting value) {
        this.baseUrl = value;
        return this;
    }

    /** This run's own server-shape settings. */
    public ShapeSettings shape() {
        return shape;
    }

    private Optional<Setting> get(TargetKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param shared  server-shape settings shared by several runs (compare flags, a scenario's
     *                top-level {@code server}); they apply to mode runs only
     * @param feeders what a URL's placeholders may name
     * @param mix     where a run's request mix was written, or null for a single-request run:
     *                a mix has a base (base-url, or mode's server) or none, never a url or queries
     */
    TargetSpec build(ShapeSettings shared, java.util.List<FeederSpec> feeders, Origin mix) {
        if (mix != null) {
            return mixTarget(shared, mix);
        }
        if (baseUrl != null) {
            throw baseUrl.fail("needs requests (a mix) whose paths it is the base of");
        }
        get(TargetKey.URL).ifPresent(u -> RequestSettings.template(u, u.trimmed(), feeders, true));
        return target(shared);
    }

    private TargetSpec mixTarget(ShapeSettings shared, Origin mix) {
        for (TargetKey key : new TargetKey[] {TargetKey.URL, TargetKey.QUERIES}) {
            if (values.containsKey(key)) {
                throw values.get(key).fail(key == TargetKey.URL ? "give base-url with requests, not "
                        + naming.of(TargetKey.URL) : "chooses a mode's endpoint; not with requests");
            }
        }
        if (baseUrl != null) {
            for (TargetKey key : new TargetKey[] {TargetKey.MODE, TargetKey.SERVER_URL}) {
                if (values.containsKey(key)) {
                    throw values.get(key).fail("give either base-url or " + naming.of(key) + ", not both");
                }
            }
            rejectShape("base-url");
            return TargetSpec.url(checkedBase(baseUrl)).withMix();
        }
        if (get(TargetKey.MODE).isEmpty()) {
            rejectShape("requests without a mode");
            Optional<Setting> server = get(TargetKey.SERVER_URL);
            if (server.isPresent()) {
                throw server.get().fail("needs " + naming.of(TargetKey.MODE) + " (or use base-url)");
            }
            return TargetSpec.url("").withMix();
        }
        return target(shared).withMix();
    }

    /** An absolute http(s) URL without placeholders or query: a mix's base. */
    private static String checkedBase(Setting setting) {
        String base = setting.trimmed();
        URI uri = httpUri(base);
        if (uri == null || uri.getRawQuery() != null || base.contains("${") || base.contains("{key}")) {
            throw setting.fail("\"" + base + "\" is not a base URL (http://host:port[/path], no query)");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private TargetSpec target(ShapeSettings shared) {
        Optional<Setting> mode = get(TargetKey.MODE);
        Optional<Setting> url = get(TargetKey.URL);
        if (mode.isPresent() && url.isPresent()) {
            throw url.get().fail(oneOfModeAndUrl());
        }
        if (url.isPresent()) {
            for (TargetKey key : new TargetKey[] {TargetKey.SERVER_URL, TargetKey.QUERIES}) {
                if (values.containsKey(key)) {
                    throw values.get(key).fail("needs " + naming.of(TargetKey.MODE) + ", not "
                            + naming.of(TargetKey.URL));
                }
            }
            rejectShape(naming.of(TargetKey.URL));
            return TargetSpec.url(checkedUrl(url.get()));
        }
        if (mode.isEmpty()) {
            Optional<Setting> server = get(TargetKey.SERVER_URL);
            throw server.isPresent() ? server.get().fail("needs " + naming.of(TargetKey.MODE)
                    + " to choose the endpoint to drive") : context.fail(oneOfModeAndUrl());
        }
        Mode m = mode(mode.get());
        Integer queries = get(TargetKey.QUERIES).map(q -> queries(q, m)).orElse(null);
        Optional<Setting> server = get(TargetKey.SERVER_URL);
        if (server.isPresent()) {
            rejectShape(naming.of(TargetKey.SERVER_URL));
            return TargetSpec.server(checkedBaseUrl(server.get()), m, queries);
        }
        ServerConfig config = shape.over(shared).build(ServerConfig.DEFAULT_HOST, 0, m.isDb());
        return TargetSpec.mode(m, config, queries);
    }

    private String oneOfModeAndUrl() {
        return "give exactly one of " + naming.of(TargetKey.MODE) + " and " + naming.of(TargetKey.URL);
    }


    private void rejectShape(String instead) {
        if (!shape.isEmpty()) {
            throw shape.origin().fail("shapes the in-process server; not with " + instead);
        }
    }

    private static Mode mode(Setting setting) {
        try {
            return Mode.parse(setting.text());
        } catch (IllegalArgumentException e) {
            throw setting.fail(e.getMessage().replace('\'', '"'));
        }
    }

    private Integer queries(Setting setting, Mode mode) {
        if (!mode.isDb()) {
            throw setting.fail("only applies to the database modes (" + Stream.of(Mode.values())
                    .filter(Mode::isDb).map(Mode::path).collect(Collectors.joining(", ")) + ")");
        }
        return setting.intValue(1, MAX_QUERIES);
    }

    /** True for an absolute http(s) URL with a host. */
    static boolean isHttpUrl(String text) {
        return httpUri(text) != null;
    }

    /** An absolute http(s) URL with a host; placeholders may stand anywhere. */
    static String checkedUrl(Setting setting) {
        String url = setting.trimmed();
        URI uri = httpUri(RequestTemplate.sampleUrl(url));
        if (uri == null) {
            throw setting.fail("\"" + url + "\" is not an http:// or https:// URL");
        }
        return url;
    }

    /** {@code http(s)://host[:port][/]}: the base of a running {@code apitune serve}. */
    private static String checkedBaseUrl(Setting setting) {
        String base = setting.trimmed();
        URI uri = httpUri(base);
        String path = uri == null ? null : uri.getRawPath();
        if (uri == null || uri.getRawQuery() != null || !(path == null || path.isEmpty() || path.equals("/"))) {
            throw setting.fail("\"" + base + "\" is not http://host:port");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static URI httpUri(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean http = scheme.equals("http") || scheme.equals("https");
            return http && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
