package io.apitune.run;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

import io.apitune.load.RequestTemplate;
import io.apitune.report.model.ServerInfo;
import io.apitune.report.model.TargetInfo;
import io.apitune.server.Mode;
import io.apitune.server.NetworkConfig;
import io.apitune.server.ServerConfig;

/**
 * What a run drives, before it is resolved to a URL. Built and validated by
 * {@link TargetSettings}.
 *
 * <ul>
 *   <li>{@link Kind#MODE}: start the reference server in-process (shaped by {@code server}) and
 *       drive {@code mode}'s endpoint;</li>
 *   <li>{@link Kind#SERVER}: drive {@code mode}'s endpoint on an already running
 *       {@code apitune serve} at {@code baseUrl} (no trailing slash);</li>
 *   <li>{@link Kind#URL}: drive {@code url} (may contain {@code {key}}).</li>
 * </ul>
 *
 * <p>Immutable; thread-safe.
 *
 * @param queries for DB modes, N of {@code /queries?queries=N} ({@code ?count=N} for cached-db,
 *                as TechEmpower's cached-queries test names it), or null for {@code /db}
 * @param mix     true when the run sends a mix of requests: the target is then only the base
 *                their paths resolve against (the URL, or the server's base); a {@link Kind#URL}
 *                mix without a base has an empty URL (every request is absolute)
 */
public record TargetSpec(Kind kind, Mode mode, ServerConfig server, String baseUrl, String url,
        Integer queries, boolean mix) {

    public enum Kind { MODE, SERVER, URL }

    public TargetSpec {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case MODE -> {
                Objects.requireNonNull(mode, "mode");
                Objects.requireNonNull(server, "server");
            }
            case SERVER -> {
                Objects.requireNonNull(mode, "mode");
                Objects.requireNonNull(baseUrl, "baseUrl");
            }
            case URL -> Objects.requireNonNull(url, "url");
        }
    }

    public static TargetSpec mode(Mode mode, ServerConfig server, Integer queries) {
        return new TargetSpec(Kind.MODE, mode, server, null, null, queries, false);
    }

    public static TargetSpec server(String baseUrl, Mode mode, Integer queries) {
        return new TargetSpec(Kind.SERVER, mode, null, baseUrl, null, queries, false);
    }

    public static TargetSpec url(String url) {
        return new TargetSpec(Kind.URL, null, null, null, url, null, false);
    }

    /** The same target as the base of a request mix. */
    public TargetSpec withMix() {
        return new TargetSpec(kind, mode, server, baseUrl, url, queries, true);
    }

    /**
     * The same in-process server serving TLS (h2 and HTTP/1.1 through ALPN) with a self-signed
     * certificate made at its start, which the run trusts.
     */
    public TargetSpec withTls() {
        if (kind != Kind.MODE) {
            throw new IllegalStateException("only an in-process server can be given TLS: " + kind);
        }
        return new TargetSpec(kind, mode, server.withNetwork(NetworkConfig.selfSignedTls()), baseUrl,
                url, queries, mix);
    }

    /** The path (with query) of the mode's endpoint: item modes use {@code {key}}. */
    public String modePath() {
        if (!mode.isDb()) {
            return "/" + mode.path() + "/item/{key}";
        }
        String parameter = mode == Mode.CACHED_DB ? "count" : "queries";
        return queries == null ? "/" + mode.path() + "/db"
                : "/" + mode.path() + "/queries?" + parameter + "=" + queries;
    }

    /** The URL on {@code base} (an in-process server's, or this target's own); a mix's base. */
    public String urlOn(String base) {
        return kind == Kind.URL ? url : mix ? trimSlash(base) : trimSlash(base) + modePath();
    }

    /** {@code baseUrl} without a trailing slash, or null. */
    public String serverBase() {
        return baseUrl == null ? null : trimSlash(baseUrl);
    }

    private static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The URL as far as it is known before the run starts: an in-process server's port is only
     * known then, so a mode target gives its path alone.
     */
    public String plannedUrl() {
        return switch (kind) {
            case URL -> url;
            case SERVER -> urlOn(baseUrl);
            case MODE -> mix ? "" : modePath();
        };
    }

    /** A short description for headings: {@code mode async}, a URL, {@code requests on ...}. */
    public String describe() {
        String q = queries == null ? "" : ", queries=" + queries;
        String what = switch (kind) {
            case MODE -> mix ? "the in-process server (mode " + mode + ")" : "mode " + mode + q;
            case SERVER -> mix ? baseUrl : "mode " + mode + q + " at " + baseUrl;
            case URL -> url.isEmpty() ? "absolute URLs" : url;
        };
        return mix ? "request mix on " + what : what;
    }

    /** This target as report.json describes it, with the URL that was driven. */
    public TargetInfo info(String resolvedUrl) {
        return new TargetInfo(kind.name().toLowerCase(Locale.ROOT), mode == null ? null : mode.path(),
                resolvedUrl, kind == Kind.SERVER ? baseUrl : null,
                kind == Kind.MODE ? ServerInfo.of(server) : null, queries);
    }

    /** The run name a single target gets when none is given: its mode, or its URL's host. */
    public String defaultRunName() {
        if (kind != Kind.URL) {
            return mode.path();
        }
        String host = url.isEmpty() ? null : URI.create(RequestTemplate.sampleUrl(url)).getHost();
        String name = host == null ? "url" : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        return name.isEmpty() ? "url" : name;
    }
}
