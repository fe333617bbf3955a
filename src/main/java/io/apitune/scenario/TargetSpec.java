package io.apitune.scenario;

import java.util.Objects;

import io.apitune.server.Mode;
import io.apitune.server.ServerConfig;

/**
 * What a run drives, before it is resolved to a URL.
 *
 * <ul>
 *   <li>{@link Kind#MODE}: start the reference server in-process (shaped by {@code server}) and
 *       drive {@code mode}'s endpoint;</li>
 *   <li>{@link Kind#SERVER}: drive {@code mode}'s endpoint on an already running
 *       {@code apitune serve} at {@code baseUrl};</li>
 *   <li>{@link Kind#URL}: drive {@code url} (may contain {@code {key}}).</li>
 * </ul>
 *
 * @param queries for DB modes, N of {@code /queries?queries=N} ({@code ?count=N} for cached-db),
 *                or null for {@code /db}
 */
public record TargetSpec(Kind kind, Mode mode, ServerConfig server, String baseUrl, String url,
        Integer queries) {

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
        return new TargetSpec(Kind.MODE, mode, server, null, null, queries);
    }

    public static TargetSpec server(String baseUrl, Mode mode, Integer queries) {
        return new TargetSpec(Kind.SERVER, mode, null, baseUrl, null, queries);
    }

    public static TargetSpec url(String url) {
        return new TargetSpec(Kind.URL, null, null, null, url, null);
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
}
