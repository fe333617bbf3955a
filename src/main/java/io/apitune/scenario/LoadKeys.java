package io.apitune.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.apitune.load.LoadConfig;
import io.apitune.load.LoadDefaults;

/**
 * The load keys of a scenario run, named like the {@code bench} flags. A key set on the run wins
 * over the scenario's {@code defaults}; {@link LoadDefaults} fill the rest.
 *
 * <p>Stateless; thread-safe.
 */
final class LoadKeys {
    static final List<String> NAMES = List.of("rate", "arrival", "connections", "duration",
            "requests", "warmup", "ramp-up", "timeout", "keys", "key-dist", "method", "headers",
            "body", "body-file");

    private final Field run;
    private final Field defaults;
    private final Path baseDir;

    /** @param defaults the scenario's {@code defaults} map, or null */
    LoadKeys(Field run, Field defaults, Path baseDir) {
        this.run = run;
        this.defaults = defaults;
        this.baseDir = baseDir;
    }

    private Optional<Field> get(String key) {
        Optional<Field> own = run.get(key);
        return own.isPresent() || defaults == null ? own : defaults.get(key);
    }

    LoadConfig build(String url) {
        Double rate = get("rate").map(Field::rate).orElse(null);
        LoadConfig.Arrival arrival = get("arrival")
                .map(f -> LoadConfig.Arrival.valueOf(f.choice(List.of("constant", "poisson"))
                        .toUpperCase(Locale.ROOT)))
                .orElse(LoadConfig.Arrival.CONSTANT);
        int connections = get("connections").map(f -> f.intValue(1)).orElse(LoadDefaults.connections(rate != null));
        Duration duration = null;
        Long requests = null;
        Field length = run.get("duration").isPresent() || run.get("requests").isPresent() ? run : defaults;
        if (length != null && length.get("duration").isPresent() && length.get("requests").isPresent()) {
            throw length.require("requests").fail("give either duration or requests, not both");
        }
        if (length != null && length.get("requests").isPresent()) {
            requests = length.require("requests").integer(1);
        } else {
            duration = get("duration").map(Field::positiveDuration).orElse(LoadDefaults.DURATION);
        }
        Duration warmup = get("warmup").map(Field::duration).orElse(LoadDefaults.WARMUP);
        Duration rampUp = get("ramp-up").map(Field::duration).orElse(LoadDefaults.RAMP_UP);
        if (rate == null) {
            closedModelCheck("ramp-up", !rampUp.isZero());
            closedModelCheck("arrival", arrival != LoadConfig.Arrival.CONSTANT);
        }
        Duration timeout = get("timeout").map(Field::positiveDuration).orElse(LoadDefaults.TIMEOUT);
        LoadConfig.RequestSpec request = new LoadConfig.RequestSpec(
                get("method").map(f -> f.string().trim().toUpperCase(Locale.ROOT))
                        .orElse(LoadDefaults.METHOD),
                url, headers(), body());
        return new LoadConfig(request, keys(), rate, arrival, connections, duration, requests,
                warmup, rampUp, timeout);
    }

    /** Ramp-up and Poisson arrivals only exist in the open model. */
    private void closedModelCheck(String key, boolean set) {
        if (set) {
            throw get(key).orElseThrow().fail("needs a rate (the closed model has none)");
        }
    }

    private LoadConfig.KeySpace keys() {
        long count = get("keys").map(f -> f.integer(1)).orElse(LoadDefaults.KEYS);
        Optional<Field> dist = get("key-dist");
        if (dist.isEmpty()) {
            return new LoadConfig.KeySpace(count, LoadConfig.KeySpace.Distribution.UNIFORM, 0);
        }
        String text = dist.get().string().trim().toLowerCase(Locale.ROOT);
        if (text.equals("uniform")) {
            return new LoadConfig.KeySpace(count, LoadConfig.KeySpace.Distribution.UNIFORM, 0);
        }
        double exponent = LoadDefaults.ZIPF_EXPONENT;
        if (text.startsWith("zipf:")) {
            try {
                exponent = Double.parseDouble(text.substring(5));
            } catch (NumberFormatException e) {
                exponent = Double.NaN;
            }
        } else if (!text.equals("zipf")) {
            exponent = Double.NaN;
        }
        if (!(exponent > 0)) {
            throw dist.get().fail("\"" + dist.get().string()
                    + "\" is not a key distribution (uniform, zipf or zipf:EXPONENT)");
        }
        return new LoadConfig.KeySpace(count, LoadConfig.KeySpace.Distribution.ZIPF, exponent);
    }

    private List<LoadConfig.Header> headers() {
        List<LoadConfig.Header> headers = new ArrayList<>();
        Optional<Field> list = get("headers");
        if (list.isEmpty()) {
            return headers;
        }
        for (Field item : list.get().list()) {
            String text = item.string();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw item.fail("\"" + text + "\" is not a header (write \"Name: value\")");
            }
            headers.add(new LoadConfig.Header(text.substring(0, colon).trim(),
                    text.substring(colon + 1).trim()));
        }
        return headers;
    }

    private byte[] body() {
        Optional<Field> body = get("body");
        Optional<Field> bodyFile = get("body-file");
        if (body.isPresent() && bodyFile.isPresent()) {
            throw bodyFile.get().fail("give either body or body-file, not both");
        }
        if (body.isPresent()) {
            return body.get().string().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (bodyFile.isEmpty()) {
            return null;
        }
        Path file = baseDir.resolve(bodyFile.get().string());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw bodyFile.get().fail("cannot read " + file + ": " + e.getMessage());
        }
    }
}
