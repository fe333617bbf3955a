package io.apitune.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.Problems;
import io.apitune.load.FileDescriptors;
import io.apitune.load.KeyChooser;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadDefaults;
import io.apitune.load.Shard;

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

    /** Adds every setting of {@code other}, which win over this one's. */
    public LoadSettings putAll(LoadSettings other) {
        values.putAll(other.values);
        headers.addAll(other.headers);
        transport.putAll(other.transport);
        return this;
    }

    /** True when {@code key} was given. */
    public boolean has(LoadKey key) {
        return key == LoadKey.HEADERS ? !headers.isEmpty() : values.containsKey(key);
    }

    /** This run's settings over {@code defaults}; a run giving duration or requests drops both. */
    public LoadSettings over(LoadSettings defaults) {
        LoadSettings merged = new LoadSettings(naming);
        merged.values.putAll(defaults.values);
        if (has(LoadKey.DURATION) || has(LoadKey.REQUESTS)) {
            merged.values.remove(LoadKey.DURATION);
            merged.values.remove(LoadKey.REQUESTS);
        }
        merged.values.putAll(values);
        merged.headers.addAll(headers.isEmpty() ? defaults.headers : headers);
        merged.transport = transport.over(defaults.transport);
        return merged;
    }

    private Optional<Setting> get(LoadKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Checks every rule and builds the configuration for {@code url} (may hold {@code {key}}). */
    public LoadConfig build(String url) {
        return build(url, false);
    }

    /**
     * As {@link #build(String)}; {@code inProcessServer} when the reference server runs in this
     * process, so each connection takes two file descriptors.
     */
    public LoadConfig build(String url, boolean inProcessServer) {
        Double rate = get(LoadKey.RATE).map(Setting::rate).orElse(null);
        Arrival arrival = get(LoadKey.ARRIVAL).map(s -> Arrival.valueOf(
                s.choice("constant", "poisson").toUpperCase(Locale.ROOT))).orElse(Arrival.CONSTANT);
        Duration rampUp = get(LoadKey.RAMP_UP).map(Setting::duration).orElse(LoadDefaults.RAMP_UP);
        if (rate == null) {
            needsRate(LoadKey.RAMP_UP, !rampUp.isZero());
            needsRate(LoadKey.ARRIVAL, arrival != Arrival.CONSTANT);
        }
        Optional<Setting> requests = get(LoadKey.REQUESTS);
        if (requests.isPresent() && has(LoadKey.DURATION)) {
            throw requests.get().fail(eitherOr(LoadKey.DURATION, LoadKey.REQUESTS));
        }
        Duration duration = requests.isPresent() ? null : get(LoadKey.DURATION)
                .map(Setting::positiveDuration).orElse(LoadDefaults.DURATION);
        int connections = get(LoadKey.CONNECTIONS).map(s -> s.intValue(1, Integer.MAX_VALUE))
                .orElse(LoadDefaults.connections(rate != null));
        checkDescriptors(connections, inProcessServer ? 2 : 1);
        Long requestCount = requests.map(s -> s.integer(1)).orElse(null);
        KeySpace keys = keySpace();
        Shard shard = shard();
        splits(LoadKey.CONNECTIONS, connections, "connections", shard);
        if (requestCount != null) {
            splits(LoadKey.REQUESTS, requestCount, "requests", shard);
        }
        splits(LoadKey.KEYS, keys.count(), "keys", shard);
        return new LoadConfig(request(url), keys, rate, arrival, connections, duration, requestCount,
                get(LoadKey.WARMUP).map(Setting::duration).orElse(LoadDefaults.WARMUP), rampUp,
                get(LoadKey.TIMEOUT).map(Setting::positiveDuration).orElse(LoadDefaults.TIMEOUT),
                transport.build(url), shard,
                get(LoadKey.START_AT).map(s -> s.startTime(Instant.now())).orElse(null));
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

    private String eitherOr(LoadKey a, LoadKey b) {
        return "give either " + naming.of(a) + " or " + naming.of(b) + ", not both";
    }

    /** Ramp-up and Poisson arrivals exist only in the open model. */
    private void needsRate(LoadKey key, boolean given) {
        if (given) {
            throw values.get(key).fail("needs a rate (the closed model has none)");
        }
    }

    private LoadConfig.RequestSpec request(String url) {
        String method = get(LoadKey.METHOD).map(s -> {
            if (!s.trimmed().matches("[A-Za-z]+")) {
                throw s.fail("\"" + s.text() + "\" is not an HTTP method");
            }
            return s.trimmed().toUpperCase(Locale.ROOT);
        }).orElse(LoadDefaults.METHOD);
        List<Header> parsed = new ArrayList<>();
        for (Setting h : headers) {
            int colon = h.text().indexOf(':');
            if (colon <= 0) {
                throw h.fail("\"" + h.text() + "\" is not a header (write \"Name: value\")");
            }
            parsed.add(new Header(h.text().substring(0, colon).trim(), h.text().substring(colon + 1).trim()));
        }
        return new LoadConfig.RequestSpec(method, url, parsed, body());
    }

    private byte[] body() {
        Optional<Setting> text = get(LoadKey.BODY);
        Optional<Setting> file = get(LoadKey.BODY_FILE);
        if (text.isPresent() && file.isPresent()) {
            throw file.get().fail(eitherOr(LoadKey.BODY, LoadKey.BODY_FILE));
        }
        if (file.isEmpty()) {
            return text.map(s -> s.text().getBytes(StandardCharsets.UTF_8)).orElse(null);
        }
        Path path = Path.of(file.get().text());
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw file.get().fail("cannot read " + path + " (" + Problems.describe(e) + ")");
        }
    }

    private KeySpace keySpace() {
        long count = get(LoadKey.KEYS).map(s -> s.integer(1)).orElse(LoadDefaults.KEYS);
        Optional<Setting> dist = get(LoadKey.KEY_DIST);
        if (dist.isEmpty() || dist.get().trimmed().equalsIgnoreCase("uniform")) {
            return new KeySpace(count, KeySpace.Distribution.UNIFORM, 0);
        }
        String text = dist.get().trimmed().toLowerCase(Locale.ROOT);
        double exponent = Double.NaN;
        if (text.equals("zipf")) {
            exponent = LoadDefaults.ZIPF_EXPONENT;
        } else if (text.startsWith("zipf:")) {
            try {
                exponent = Double.parseDouble(text.substring(5));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (!(exponent > 0 && Double.isFinite(exponent))) {
            throw dist.get().fail("\"" + dist.get().text()
                    + "\" is not a key distribution (uniform, zipf or zipf:EXPONENT)");
        }
        if (count > KeyChooser.MAX_ZIPF_KEYS) {
            throw get(LoadKey.KEYS).orElse(dist.get()).fail(count + " keys is more than the "
                    + KeyChooser.MAX_ZIPF_KEYS + " that zipf supports");
        }
        return new KeySpace(count, KeySpace.Distribution.ZIPF, exponent);
    }
}
