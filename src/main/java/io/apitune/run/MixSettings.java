package io.apitune.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.apitune.gate.ReportMetrics;
import io.apitune.load.Check;
import io.apitune.load.FeederSpec;
import io.apitune.load.LoadConfig;
import io.apitune.load.MixRequest;
import io.apitune.load.RequestMix;
import io.apitune.load.RequestTemplate;

/**
 * The requests of a run's mix as written (a scenario run's {@code requests} list), and the one
 * place their rules are stated: at least one and at most {@value RequestMix#MAX_REQUESTS}
 * requests; each has a unique name of letters, digits, {@code _} and {@code -} that no gate could
 * mistake for a metric, a positive weight (default 1), exactly one method key ({@code get},
 * {@code post}, ...) whose value is a path (resolved against the run's base) or an absolute
 * http(s) URL, {@code Name: value} headers, a body or a body file, and checks; placeholders must
 * name known things (see {@link io.apitune.load.Template}).
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class MixSettings {
    /** The method keys of a request, lower case. */
    public static final List<String> METHODS =
            List.of("get", "post", "put", "patch", "delete", "head", "options");

    private final Origin origin;
    private final List<Request> requests = new ArrayList<>();

    /**
     * One request as written; {@code weight}, {@code body}, {@code bodyFile} and {@code check}
     * may be null.
     *
     * @param methods  each method key given, with its URL as the value (exactly one is allowed)
     * @param bodyFile the body file's path, resolved against the scenario's directory
     */
    public record Request(Origin origin, Setting name, Setting weight, List<Method> methods,
            List<Setting> headers, Setting body, Setting bodyFile, CheckSettings check) {
        public Request {
            Objects.requireNonNull(origin, "origin");
            methods = List.copyOf(methods);
            headers = List.copyOf(headers);
        }
    }

    /** A method key and its URL: {@code get: /items/${items.id}}. */
    public record Method(String method, Setting url) {
    }

    /** @param origin where the list was written */
    public MixSettings(Origin origin) {
        this.origin = origin;
    }

    public MixSettings add(Request request) {
        requests.add(request);
        return this;
    }

    Origin origin() {
        return origin;
    }

    /**
     * @param feeders what templates may name
     * @param hasBase true when the run has a base URL (base-url, or a mode's server) for paths
     */
    List<MixRequest> build(List<FeederSpec> feeders, boolean hasBase, Naming naming) {
        if (requests.isEmpty()) {
            throw origin.fail("needs at least one request");
        }
        if (requests.size() > RequestMix.MAX_REQUESTS) {
            throw origin.fail(requests.size() + " requests is more than the " + RequestMix.MAX_REQUESTS
                    + " a mix may have (each name keeps its own histograms)");
        }
        Set<String> names = new HashSet<>();
        List<MixRequest> built = new ArrayList<>();
        for (Request r : requests) {
            MixRequest request = request(r, feeders, hasBase, naming);
            if (!names.add(request.name())) {
                throw r.name().fail("duplicate request name \"" + request.name() + "\"");
            }
            built.add(request);
        }
        return built;
    }

    private static MixRequest request(Request r, List<FeederSpec> feeders, boolean hasBase,
            Naming naming) {
        if (r.name() == null) {
            throw r.origin().fail("missing required key 'name'");
        }
        String name = checkedName(r.name());
        double weight = r.weight() == null ? 1 : r.weight().positiveNumber();
        if (r.methods().size() != 1) {
            throw (r.methods().isEmpty() ? r.origin() : r.methods().get(1).url().origin())
                    .fail("give exactly one of " + String.join(", ", METHODS) + " (with the path or URL)");
        }
        Method m = r.methods().get(0);
        String url = checkedUrl(m.url(), feeders, hasBase);
        List<LoadConfig.Header> headers = RequestSettings.headers(r.headers(), feeders);
        byte[] body = RequestSettings.body(Optional.ofNullable(r.body()), Optional.ofNullable(r.bodyFile()),
                naming, feeders);
        List<Check> checks = r.check() == null ? List.of() : r.check().build();
        return new MixRequest(name, weight, new LoadConfig.RequestSpec(m.method().toUpperCase(Locale.ROOT),
                url, headers, body), checks);
    }

    private static String checkedName(Setting setting) {
        String value = setting.trimmed();
        if (!RunSpec.NAME.matcher(value).matches()) {
            throw setting.fail("\"" + value + "\" is not a request name (letters, digits, _ and -)");
        }
        if (ReportMetrics.isMetricName(value)) {
            throw setting.fail("\"" + value + "\" is a metric's name: a gate could not tell them apart");
        }
        return value;
    }

    /** A path (with a base) or an absolute http(s) URL, its placeholders known. */
    private static String checkedUrl(Setting setting, List<FeederSpec> feeders, boolean hasBase) {
        String url = setting.trimmed();
        RequestSettings.template(setting, url, feeders, true);
        boolean absolute = RequestTemplate.isAbsolute(url);
        if (!absolute && !hasBase) {
            throw setting.fail("\"" + url + "\" is a path: give the run a base-url (or a mode) to "
                    + "resolve it against, or write an absolute URL");
        }
        if (!absolute && !url.startsWith("/")) {
            throw setting.fail("\"" + url + "\" is neither a path starting with / nor an http(s) URL");
        }
        String sample = RequestTemplate.sampleUrl(absolute ? url : "http://base" + url);
        if (!TargetSettings.isHttpUrl(sample)) {
            throw setting.fail("\"" + url + "\" is not a valid " + (absolute ? "URL" : "path"));
        }
        return url;
    }
}
