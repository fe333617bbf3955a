package io.apitune.load;

import java.util.List;
import java.util.Objects;

/**
 * One request of a weighted request mix: its name (its own histograms and report row), its share
 * of the run's requests, what to send (URL, headers and body are templates: see {@link Template})
 * and the checks its answer must pass.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name    letters, digits, {@code _} and {@code -}
 * @param weight  relative share, > 0 and finite
 * @param request method, URL (absolute, or a path resolved against the run's base URL), headers,
 *                body
 * @param checks  in order; the first that fails names the KO
 */
public record MixRequest(String name, double weight, LoadConfig.RequestSpec request,
        List<Check> checks) {
    public MixRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        checks = List.copyOf(checks);
        if (!(weight > 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("weight " + weight + " must be positive");
        }
    }
}
