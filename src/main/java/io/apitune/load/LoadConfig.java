package io.apitune.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.apitune.ApituneException;

/**
 * Immutable description of one load run against a URL, validated once at construction; invalid
 * values throw {@link ApituneException} (exit 2) naming the option.
 *
 * <p>Open model when {@code ratePerSecond} is non-null: requests have intended send times and
 * {@code connections} caps the connections. Closed model otherwise: {@code connections}
 * requests in flight. Exactly one of {@code duration} and {@code requests} is non-null.
 *
 * @param request       what to send; the URL may contain a {@code {key}} placeholder
 * @param keys          where {@code {key}} values come from
 * @param ratePerSecond target rate of the open model, > 0, or null for the closed model
 * @param arrival       spacing of intended send times (open model only)
 * @param connections   open: maximum connections; closed: requests in flight; >= 1
 * @param duration      measured duration after warm-up, > 0, or null when {@code requests} is set
 * @param requests      measured request count after warm-up, >= 1, or null
 * @param warmup        load before measurement starts, excluded from results, >= 0
 * @param rampUp        linear ramp from 0 to the target rate at the start of measurement, >= 0
 * @param timeout       per-request timeout, > 0
 * @param transport     protocol, streams per connection and TLS
 * @param shard         the part of the run this generator drives ({@link Shard#WHOLE} for all
 *                      of it): the rate, connections, requests and keys above are the whole
 *                      run's, and the shard takes its share of each
 * @param startAt       when measurement starts (warm-up runs in the {@code warmup} before it),
 *                      the same instant on every shard; null to start as soon as possible
 */
public record LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
        int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
        Duration timeout, TransportConfig transport, Shard shard, Instant startAt) {

    /** The whole run over HTTP/1.1 with certificates verified, started as soon as possible. */
    public LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
            int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
            Duration timeout) {
        this(request, keys, ratePerSecond, arrival, connections, duration, requests, warmup, rampUp,
                timeout, TransportConfig.DEFAULT);
    }

    /** The whole run over {@code transport}, started as soon as possible. */
    public LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
            int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
            Duration timeout, TransportConfig transport) {
        this(request, keys, ratePerSecond, arrival, connections, duration, requests, warmup, rampUp,
                timeout, transport, Shard.WHOLE, null);
    }

    /** Most requests in flight (connections times streams): each has a slot of its own. */
    public static final int MAX_IN_FLIGHT = 1_000_000;

    /** Spacing of intended send times in the open model. */
    public enum Arrival { CONSTANT, POISSON }

    /** The request to send. {@code body} may be null; headers keep their order. */
    public record RequestSpec(String method, String url, List<Header> headers, byte[] body) {
        public RequestSpec {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = List.copyOf(headers);
        }
    }

    /** One request header. */
    public record Header(String name, String value) {
    }

    /**
     * Keys substituted for {@code {key}}: integers 1..count drawn from a distribution.
     *
     * @param count        number of distinct keys, >= 1
     * @param distribution uniform or zipf
     * @param zipfExponent the zipf exponent s, > 0 (ignored for uniform)
     */
    public record KeySpace(long count, Distribution distribution, double zipfExponent) {
        public enum Distribution { UNIFORM, ZIPF }

        public KeySpace {
            if (count < 1) {
                throw ApituneException.invalidInput("--keys: " + count + " must be at least 1");
            }
            if (distribution == Distribution.ZIPF && !(zipfExponent > 0)) {
                throw ApituneException.invalidInput("--key-dist: zipf exponent " + zipfExponent
                        + " must be positive");
            }
        }
    }

    public LoadConfig {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(shard, "shard");
        if (ratePerSecond != null && !(ratePerSecond > 0 && Double.isFinite(ratePerSecond))) {
            throw ApituneException.invalidInput("--rate: " + ratePerSecond + " must be positive");
        }
        if (connections < 1) {
            throw ApituneException.invalidInput("--connections: " + connections + " must be at least 1");
        }
        if ((long) connections * transport.streams() > MAX_IN_FLIGHT) {
            throw ApituneException.invalidInput("--connections x --streams: " + connections + " x "
                    + transport.streams() + " requests in flight is more than " + MAX_IN_FLIGHT);
        }
        if ((duration == null) == (requests == null)) {
            throw ApituneException.invalidInput("give exactly one of --duration and --requests");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw ApituneException.invalidInput("--duration: must be positive");
        }
        if (requests != null && requests < 1) {
            throw ApituneException.invalidInput("--requests: " + requests + " must be at least 1");
        }
        if (warmup.isNegative() || rampUp.isNegative()) {
            throw ApituneException.invalidInput("--warmup/--ramp-up: must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw ApituneException.invalidInput("--timeout: must be positive");
        }
        if (connections < shard.count()) {
            throw ApituneException.invalidInput("--connections: " + connections
                    + " cannot be split over " + shard.count() + " shards");
        }
        if (requests != null && requests < shard.count()) {
            throw ApituneException.invalidInput("--requests: " + requests
                    + " cannot be split over " + shard.count() + " shards");
        }
    }

    /** True for the open model (a target rate with intended send times). */
    public boolean open() {
        return ratePerSecond != null;
    }

    /** The same load sent to {@code url} (the target's URL resolved when the run starts). */
    public LoadConfig withUrl(String url) {
        RequestSpec r = request;
        return new LoadConfig(new RequestSpec(r.method(), url, r.headers(), r.body()), keys,
                ratePerSecond, arrival, connections, duration, requests, warmup, rampUp, timeout,
                transport, shard, startAt);
    }

    /** The same load at another open-model rate (a capacity step). */
    public LoadConfig withRate(double rate) {
        return new LoadConfig(request, keys, rate, arrival, connections, duration, requests,
                warmup, rampUp, timeout, transport, shard, startAt);
    }

    /** The same load over another transport (protocol, streams, TLS). */
    public LoadConfig withTransport(TransportConfig value) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration, requests,
                warmup, rampUp, timeout, value, shard, startAt);
    }

    /** The same load measured from {@code start} (a later run of a sharded plan). */
    public LoadConfig withStartAt(Instant start) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration,
                requests, warmup, rampUp, timeout, transport, shard, start);
    }

    /** This shard's share of the open model's rate (the whole rate when not sharded), or null. */
    public Double shardRatePerSecond() {
        return ratePerSecond == null ? null : ratePerSecond / shard.count();
    }

    /** This shard's connections: open, its cap; closed, its requests in flight. */
    public int shardConnections() {
        return (int) shard.share(connections);
    }

    /** This shard's measured request count, or null when the run has a duration. */
    public Long shardRequests() {
        return requests == null ? null : shard.share(requests);
    }
}
