package io.apitune.load;

import java.util.List;

/**
 * What a run sends besides its single request: a weighted mix of named requests (empty: the
 * run's one request) and the feeders its templates read.
 *
 * <p>Immutable; thread-safe.
 *
 * @param requests the mix, at most {@link #MAX_REQUESTS}; empty for a single-request run
 * @param feeders  the feeders the run's templates refer to
 */
public record RequestMix(List<MixRequest> requests, List<FeederSpec> feeders) {
    /** Most requests in one mix: each name costs its own histograms on every I/O thread. */
    public static final int MAX_REQUESTS = 20;
    /** A single request, no feeders. */
    public static final RequestMix NONE = new RequestMix(List.of(), List.of());

    public RequestMix {
        requests = List.copyOf(requests);
        feeders = List.copyOf(feeders);
        if (requests.size() > MAX_REQUESTS) {
            throw new IllegalArgumentException(requests.size() + " requests is more than the "
                    + MAX_REQUESTS + " a mix may have");
        }
    }

    /** True when the run sends a mix of named requests. */
    public boolean isMix() {
        return !requests.isEmpty();
    }

    /** The request names in order (empty for a single-request run). */
    public List<String> names() {
        return requests.stream().map(MixRequest::name).toList();
    }
}
