package io.apitune.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.load.FileDescriptors;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadDefaults;
import io.apitune.load.Shard;
import io.apitune.load.FeederSpec;
import io.apitune.load.RequestMix;

/**
 * The one place load settings become a {@link LoadConfig} (its transport through
 * {@link TransportSettings}): every rule about them (ramp-up and
 * Poisson arrivals need a rate, duration or requests, the method is a token, headers are
 * {@code Name: value}, ...) is stated here once, for flags and scenario keys alike. Values are
 * kept as written with their {@link Origin}, so a message names the flag or the scenario key.
 * {@link LoadDefaults} fill what is not given.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class LoadSettings {
    private final Map<LoadKey, Setting> values = new EnumMap<>(LoadKey.class);
    private final List<Setting> headers = new ArrayList<>();
    private final Naming naming;
    private StageSettings stages;
    /** The feeders templates may name; set by {@link #build(String, RequestMix, List)}. */
    private List<FeederSpec> feeders = List.of();
    private TransportSettings transport;

    /** @param naming how messages name the other setting of a pair (duration and requests) */
    public LoadSettings(Naming naming) {
        this.naming = naming;
        this.transport = new TransportSettings(naming);
    }

    /** The protocol, streams and TLS settings of this load. */
    public TransportSettings transport() {
        return transport;
    }

    /** Sets one value (a later call for the same key wins); for headers use {@link #header}. */
    public LoadSettings set(LoadKey key, Setting value) {
        if (key == LoadKey.HEADERS) {
            throw new IllegalArgumentException("headers are a list: use header()");
        }
        values.put(key, value);
        return this;
    }

    /** Adds one {@code Name: value} header. */
    public LoadSettings header(Setting value) {
        headers.add(value);
        return this;
    }

    /** The load follows these stages (scenario key {@code stages}). */
    public LoadSettings stages(StageSettings value) {
        this.stages = value;
        return this;
    }

    /** Adds every setting of {@code other}, which win over this one's. */
    public LoadSettings putAll(LoadSettings other) {
        values.putAll(other.values);
        headers.addAll(other.headers);
        stages = other.stages != null ? other.stages : stages;
        transport.putAll(other.transport);
        return this;
    }

    /** True when {@code key} was given. */
    public boolean has(LoadKey key) {
        return key == LoadKey.HEADERS ? !headers.isEmpty() : values.containsKey(key);
    }

    /**
     * This run's settings over {@code defaults}; a run giving duration or requests drops both; a
     * run giving stages drops the defaults' rate, ramp-up, duration and requests, and a run giving
     * any of those drops the defaults' stages.
     */
    public LoadSettings over(LoadSettings defaults) {
        LoadSettings merged = new LoadSettings(naming);
        merged.values.putAll(defaults.values);
        merged.stages = defaults.stages;
        if (has(LoadKey.DURATION) || has(LoadKey.REQUESTS)) {
            merged.values.remove(LoadKey.DURATION);
            merged.values.remove(LoadKey.REQUESTS);
        }
        if (stages != null) {
            for (LoadKey key : STAGED_AWAY) {
                merged.values.remove(key);
            }
            merged.stages = stages;
        } else if (STAGED_AWAY.stream().anyMatch(this::has)) {
            merged.stages = null;
        }
        merged.values.putAll(values);
        merged.headers.addAll(headers.isEmpty() ? defaults.headers : headers);
        merged.transport = transport.over(defaults.transport);
        return merged;
    }

    /** What stages decide themselves: a run gives either these or stages. */
    private static final List<LoadKey> STAGED_AWAY =
            List.of(LoadKey.RATE, LoadKey.RAMP_UP, LoadKey.DURATION, LoadKey.REQUESTS);

    private Optional<Setting> get(LoadKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Checks every rule and builds the configuration for {@code url} (may hold {@code {key}}). */
    public LoadConfig build(String url) {
        return build(url, RequestMix.NONE, List.of(), false);
    }

    /**
     * Checks every rule and builds the configuration for {@code url} and {@code mix} (whose rules
     * {@link MixSettings} checked); with a mix, the method and body belong to its requests.
     * {@code inProcessServer} when the reference server runs in this process, so each connection
     * takes two file descriptors.
     */
    LoadConfig build(String url, RequestMix mix, List<FeederSpec> known, boolean inProcessServer) {
        this.feeders = known;
        if (mix.isMix()) {
            for (LoadKey key : List.of(LoadKey.METHOD, LoadKey.BODY, LoadKey.BODY_FILE)) {
                if (has(key)) {
                    throw values.get(key).fail("goes with each request of the mix, not with the run");
                }
            }
        }
        if (stages != null) {
            LoadConfig staged = sharded(staged(url, mix, stages.build()));
            checkDescriptors(staged.connections(), inProcessServer ? 2 : 1);
            return staged;
        }
        Double rate = get(LoadKey.RATE).map(Setting::rate).orElse(null);
        Arrival arrival = arrival();
        Duration rampUp = get(LoadKey.RAMP_UP).map(Setting::duration).orElse(LoadDefaults.RAMP_UP);
        if (rate == null) {
            needsRate(LoadKey.RAMP_UP, !rampUp.isZero());
            needsRate(LoadKey.ARRIVAL, arrival != Arrival.CONSTANT);
        }
        Optional<Setting> requests = get(LoadKey.REQUESTS);
        if (requests.isPresent() && has(LoadKey.DURATION)) {
            throw requests.get().fail(naming.eitherOr(LoadKey.DURATION, LoadKey.REQUESTS));
        }
        Duration duration = requests.isPresent() ? null : get(LoadKey.DURATION)
                .map(Setting::positiveDuration).orElse(LoadDefaults.DURATION);
        int connections = connections(rate != null);
        checkDescriptors(connections, inProcessServer ? 2 : 1);
        return sharded(new LoadConfig(request(url), keySpace(), rate, arrival, connections, duration,
                requests.map(s -> s.integer(1)).orElse(null), warmup(), rampUp, timeout(),
                transport.build(url), mix, List.of(), Shard.WHOLE, null));
    }

    /** {@code whole} as the shard to drive, from its common start time. */
    private LoadConfig sharded(LoadConfig whole) {
        Shard shard = shard();
        splits(LoadKey.CONNECTIONS, whole.connections(), "connections", shard);
        if (whole.requests() != null) {
            splits(LoadKey.REQUESTS, whole.requests(), "requests", shard);
        }
        splits(LoadKey.KEYS, whole.keys().count(), "keys", shard);
        LoadConfig c = whole;
        return new LoadConfig(c.request(), c.keys(), c.ratePerSecond(), c.arrival(), c.connections(),
                c.duration(), c.requests(), c.warmup(), c.rampUp(), c.timeout(), c.transport(), c.mix(),
                c.stages(), shard, get(LoadKey.START_AT).map(s -> s.startTime(Instant.now())).orElse(null));
    }

    private int connections(boolean open) {
        return get(LoadKey.CONNECTIONS).map(s -> s.intValue(1, Integer.MAX_VALUE))
                .orElse(LoadDefaults.connections(open));
    }

    private KeySpace keySpace() {
        return RequestSettings.keySpace(get(LoadKey.KEYS), get(LoadKey.KEY_DIST));
    }

    private Arrival arrival() {
        return get(LoadKey.ARRIVAL).map(s -> Arrival.valueOf(
                s.choice("constant", "poisson").toUpperCase(Locale.ROOT))).orElse(Arrival.CONSTANT);
    }

    private Duration warmup() {
        return get(LoadKey.WARMUP).map(Setting::duration).orElse(LoadDefaults.WARMUP);
    }

    private Duration timeout() {
        return get(LoadKey.TIMEOUT).map(Setting::positiveDuration).orElse(LoadDefaults.TIMEOUT);
    }

    /** A staged load: the stages set the duration, and the rate or the connections. */
    private LoadConfig staged(String url, RequestMix mix, StageSettings.Built built) {
        for (LoadKey key : STAGED_AWAY) {
            if (has(key)) {
                throw values.get(key).fail("give either " + naming.of(key) + " or stages, not both");
            }
        }
        if (built.closed() && has(LoadKey.CONNECTIONS)) {
            throw values.get(LoadKey.CONNECTIONS).fail("the connections stages set the connections");
        }
        Arrival arrival = arrival();
        if (built.closed()) {
            needsRate(LoadKey.ARRIVAL, arrival != Arrival.CONSTANT);
        }
        int connections = built.closed() ? Math.max(1, built.peak()) : connections(true);
        return new LoadConfig(request(url), keySpace(), built.closed() ? null : built.meanRate(),
                arrival, connections, built.total(), null, warmup(), Duration.ZERO, timeout(),
                transport.build(url), mix, built.stages(), Shard.WHOLE, null);
    }

    /** The shard to drive; more than one needs a common start time. */
    private Shard shard() {
        Optional<Setting> given = get(LoadKey.SHARD);
        if (given.isEmpty()) {
            return Shard.WHOLE;
        }
        Shard shard = Shard.parse(given.get().text());
        if (shard == null) {
            throw given.get().fail("\"" + given.get().text()
                    + "\" is not a shard (write I/N with 0 <= I < N, e.g. 0/3)");
        }
        if (!shard.whole() && !has(LoadKey.START_AT)) {
            throw given.get().fail("needs " + naming.of(LoadKey.START_AT)
                    + " (every shard starts measuring at the same moment)");
        }
        return shard;
    }

    /** Every shard needs at least one of what is split: connections, requests, keys. */
    private void splits(LoadKey key, long total, String what, Shard shard) {
        if (total < shard.count()) {
            throw get(key).orElseGet(() -> values.get(LoadKey.SHARD)).fail(total + " " + what
                    + " cannot be split over " + shard.count() + " shards");
        }
    }

    /** Connections beyond what the process may open fail now, not with "too many open files" mid-run. */
    private void checkDescriptors(int connections, int perConnection) {
        FileDescriptors.usage().ifPresent(fds -> {
            long available = fds.connectionsAvailable(perConnection);
            if (connections <= available) {
                return;
            }
            String problem = connections + " connections need more file descriptors than this process may "
                    + "open: at most " + available + " fit in its limit of " + fds.limit() + " (ulimit -n; "
                    + fds.open() + " are open, " + FileDescriptors.RESERVE + " kept for the run"
                    + (perConnection > 1 ? ", 2 per connection with the in-process server)" : ")");
            Setting given = values.get(LoadKey.CONNECTIONS);
            throw given != null ? given.fail(problem)
                    : ApituneException.invalidInput(naming.of(LoadKey.CONNECTIONS) + ": " + problem);
        });
    }

    /** Ramp-up and Poisson arrivals exist only in the open model. */
    private void needsRate(LoadKey key, boolean given) {
        if (given) {
            throw values.get(key).fail("needs a rate (the closed model has none)");
        }
    }

    private LoadConfig.RequestSpec request(String url) {
        return new LoadConfig.RequestSpec(RequestSettings.method(get(LoadKey.METHOD)), url,
                RequestSettings.headers(headers, feeders),
                RequestSettings.body(get(LoadKey.BODY), get(LoadKey.BODY_FILE), naming, feeders));
    }
}
