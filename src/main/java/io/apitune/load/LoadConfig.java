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
 * @param request       what to send; URL, headers and body may hold placeholders (see
 *                      {@link Template}); with a mix, the URL is the base URL the mix's paths
 *                      resolve against and the headers go to every request of the mix
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
 * @param mix           a weighted mix of named requests and the feeders the templates read;
 *                      {@link RequestMix#NONE} for a run of {@code request} alone
 * @param stages        a staged profile (empty: none): in the open model the rate's stages, and
 *                      then {@code ratePerSecond} is their mean rate and {@code duration} their
 *                      total; in the closed model the connections' stages, and then
 *                      {@code connections} is their peak
 * @param shard         the part of the run this generator drives ({@link Shard#WHOLE} for all
 *                      of it): the rate, connections, requests, stages and keys above are the
 *                      whole run's, and the shard takes its share of each (feeder rows too)
 * @param startAt       when measurement starts (warm-up runs in the {@code warmup} before it),
 *                      the same instant on every shard; null to start as soon as possible
 */
public record LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
        int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
        Duration timeout, TransportConfig transport, RequestMix mix, List<Stage> stages, Shard shard,
        Instant startAt) {

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
            ApituneException.require(count >= 1, "--keys", count, "must be at least 1");
            ApituneException.require(distribution != Distribution.ZIPF || zipfExponent > 0, "--key-dist",
                    "zipf exponent " + zipfExponent, "must be positive");
        }
    }

    /** A run of one request over HTTP/1.1 ({@link TransportConfig#DEFAULT}), no mix, no stages. */
    public LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
            int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
            Duration timeout) {
        this(request, keys, ratePerSecond, arrival, connections, duration, requests, warmup, rampUp,
                timeout, TransportConfig.DEFAULT);
    }

    /** The whole run (not a shard) of one request over {@code transport}, no mix, no stages. */
    public LoadConfig(RequestSpec request, KeySpace keys, Double ratePerSecond, Arrival arrival,
            int connections, Duration duration, Long requests, Duration warmup, Duration rampUp,
            Duration timeout, TransportConfig transport) {
        this(request, keys, ratePerSecond, arrival, connections, duration, requests, warmup, rampUp,
                timeout, transport, RequestMix.NONE, List.of(), Shard.WHOLE, null);
    }

    public LoadConfig {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(shard, "shard");
        stages = List.copyOf(stages);
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(rampUp, "rampUp");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(transport, "transport");
        ApituneException.require(ratePerSecond == null || ratePerSecond > 0 && Double.isFinite(ratePerSecond),
                "--rate", ratePerSecond, "must be positive");
        ApituneException.require(connections >= 1, "--connections", connections, "must be at least 1");
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
        ApituneException.require(requests == null || requests >= 1, "--requests", requests,
                "must be at least 1");
        if (warmup.isNegative() || rampUp.isNegative()) {
            throw ApituneException.invalidInput("--warmup/--ramp-up: must not be negative");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw ApituneException.invalidInput("--timeout: must be positive");
        }
        if (!stages.isEmpty()) {
            checkStages(stages, duration, requests, rampUp);
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

    private static void checkStages(List<Stage> stages, Duration duration, Long requests,
            Duration rampUp) {
        Duration total = stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        if (requests != null || !total.equals(duration) || !rampUp.isZero()) {
            throw ApituneException.invalidInput("stages: the duration is the stages' total ("
                    + total + "), with no --requests and no --ramp-up");
        }
        if (stages.stream().allMatch(s -> s.level() == 0)) {
            throw ApituneException.invalidInput("stages: every stage is at 0: nothing would be sent");
        }
    }

    /** True when the load follows stages. */
    public boolean staged() {
        return !stages.isEmpty();
    }

    /**
     * The open model's rate over the measured window: the stages, or the constant rate after the
     * ramp-up. Only in the open model.
     */
    public Profile rateProfile() {
        return staged() ? Profile.of(stages) : Profile.constant(ratePerSecond, rampUp.toNanos());
    }

    /** The closed model's connections over the measured window, or null when they are constant. */
    public Profile connectionProfile() {
        return !open() && staged() ? Profile.of(stages) : null;
    }

    /**
     * The level warm-up runs at: the rate (open) or connections (closed); with stages, the first
     * stage's level (for a ramp, the level it ramps to) that is not 0.
     */
    public double warmupLevel() {
        if (staged()) {
            return stages.stream().mapToDouble(Stage::level).filter(l -> l > 0).findFirst().orElse(1);
        }
        return open() ? ratePerSecond : connections;
    }

    /** True for the open model (a target rate with intended send times). */
    public boolean open() {
        return ratePerSecond != null;
    }

    /**
     * The same load sent to {@code url} (the target's URL resolved when the run starts; for a mix,
     * the base URL its paths resolve against).
     */
    public LoadConfig withUrl(String url) {
        RequestSpec r = request;
        return new LoadConfig(new RequestSpec(r.method(), url, r.headers(), r.body()), keys,
                ratePerSecond, arrival, connections, duration, requests, warmup, rampUp, timeout,
                transport, mix, stages, shard, startAt);
    }

    /** The same load with another mix (the run model narrows the feeders to those it uses). */
    public LoadConfig withMix(RequestMix value) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration, requests,
                warmup, rampUp, timeout, transport, value, stages, shard, startAt);
    }

    /** The same load at another constant open-model rate (a capacity step); not with stages. */
    public LoadConfig withRate(double rate) {
        if (staged()) {
            throw new IllegalStateException("a staged load has no single rate to change");
        }
        return new LoadConfig(request, keys, rate, arrival, connections, duration, requests,
                warmup, rampUp, timeout, transport, mix, stages, shard, startAt);
    }

    /** The same load with another warm-up. */
    public LoadConfig withWarmup(Duration value) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration, requests,
                value, rampUp, timeout, transport, mix, stages, shard, startAt);
    }

    /**
     * This load's warm-up alone: the same requests (mix, feeders, transport) at the level warm-up
     * runs at ({@link #warmupLevel()}) for {@link #warmup()}, then one measured request. Only
     * for rounds, which a sharded plan does not have: the whole run, not a shard.
     */
    public LoadConfig warmupOnly() {
        Double rate = open() ? warmupLevel() : null;
        return new LoadConfig(request, keys, rate, arrival, connections, null, 1L, warmup,
                Duration.ZERO, timeout, transport, mix, List.of(), Shard.WHOLE, null);
    }

    /** The same load over another transport (protocol, streams, TLS). */
    public LoadConfig withTransport(TransportConfig value) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration, requests,
                warmup, rampUp, timeout, value, mix, stages, shard, startAt);
    }

    /** The same load measured from {@code start} (a later run of a sharded plan). */
    public LoadConfig withStartAt(Instant start) {
        return new LoadConfig(request, keys, ratePerSecond, arrival, connections, duration,
                requests, warmup, rampUp, timeout, transport, mix, stages, shard, start);
    }

    /** This shard's share of the open model's mean rate (the whole rate when not sharded), or null. */
    public Double shardRatePerSecond() {
        return ratePerSecond == null ? null : ratePerSecond / shard.count();
    }

    /** This shard's connections: open, its cap; closed, its requests in flight (with stages, at peak). */
    public int shardConnections() {
        return (int) shard.share(connections);
    }

    /** This shard's measured request count, or null when the run has a duration. */
    public Long shardRequests() {
        return requests == null ? null : shard.share(requests);
    }
}
