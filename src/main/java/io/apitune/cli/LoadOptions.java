package io.apitune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.Durations;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadConfig.Arrival;
import io.apitune.load.LoadConfig.Header;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.LoadConfig.RequestSpec;
import io.apitune.load.LoadDefaults;
import picocli.CommandLine.Option;

/**
 * The load flags shared by {@code bench}, {@code compare} and {@code capacity} (a picocli mixin).
 * Values are kept as typed by the user and validated once in {@link #toLoadConfig(String)}.
 *
 * <p>Not thread-safe; filled by picocli on the command's thread.
 */
public final class LoadOptions {
    @Option(names = "--rate", paramLabel = "R",
            description = "Open model: R requests per second with intended send times "
                    + "(latency counts from them). Without it: closed model.")
    Double rate;

    @Option(names = "--arrival", paramLabel = "constant|poisson", defaultValue = "constant",
            description = "Spacing of intended send times with --rate (default: ${DEFAULT-VALUE}).")
    String arrival;

    @Option(names = {"-c", "--connections"}, paramLabel = "C",
            description = "With --rate: maximum connections, default 64 (a request waiting for one "
                    + "still counts from its intended time). Without --rate: C requests in "
                    + "flight, default 16.")
    Integer connections;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME",
            description = "Measured duration after warm-up, e.g. 30s (default: 10s unless --requests).")
    String duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N",
            description = "Measure N requests instead of a duration.")
    Long requests;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = LoadDefaults.WARMUP_TEXT,
            description = "Load before measurement, excluded from results (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--ramp-up", paramLabel = "TIME", defaultValue = LoadDefaults.RAMP_UP_TEXT,
            description = "With --rate: ramp linearly from 0 to R at the start of measurement "
                    + "(default: ${DEFAULT-VALUE}).")
    String rampUp;

    @Option(names = "--timeout", paramLabel = "TIME", defaultValue = LoadDefaults.TIMEOUT_TEXT,
            description = "Per-request timeout (connect, read, total) (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--keys", paramLabel = "K", defaultValue = LoadDefaults.KEYS_TEXT,
            description = "Distinct keys 1..K for {key} in the URL and the item modes "
                    + "(default: ${DEFAULT-VALUE}).")
    long keys;

    @Option(names = "--key-dist", paramLabel = "uniform|zipf[:s]", defaultValue = "uniform",
            description = "Key distribution; zipf exponent s defaults to 1.1 (default: ${DEFAULT-VALUE}).")
    String keyDist;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD", defaultValue = LoadDefaults.METHOD,
            description = "HTTP method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'",
            description = "Request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body (UTF-8).")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Request body read from FILE.")
    Path bodyFile;

    @Option(names = {"-q", "--quiet"}, description = "No live progress on stderr.")
    boolean quiet;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Report directory (default: reports/<yyyyMMdd-HHmmss>-<name>).")
    Path out;

    /** True when --quiet was given. */
    public boolean quiet() {
        return quiet;
    }

    /** The --out directory, or null for the default. */
    public Path out() {
        return out;
    }

    /** The load configuration for {@code url} (which may contain {@code {key}}). */
    public LoadConfig toLoadConfig(String url) {
        Duration runDuration = requests == null
                ? duration("--duration", duration == null ? LoadDefaults.DURATION_TEXT : duration) : null;
        if (requests != null && duration != null) {
            throw ApituneException.invalidInput("give only one of --duration and --requests");
        }
        if (rate == null && !rampUp.equals("0")) {
            throw ApituneException.invalidInput("--ramp-up: needs --rate (the closed model has no rate)");
        }
        Arrival arrivalValue = arrival();
        if (rate == null && arrivalValue != Arrival.CONSTANT) {
            throw ApituneException.invalidInput("--arrival: " + arrival + " needs --rate");
        }
        int connectionCount = connections != null ? connections : LoadDefaults.connections(rate != null);
        return new LoadConfig(request(url), keySpace(), rate, arrivalValue, connectionCount,
                runDuration, requests, duration("--warmup", warmup),
                duration("--ramp-up", rampUp), duration("--timeout", timeout));
    }

    private RequestSpec request(String url) {
        List<Header> parsed = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw ApituneException.invalidInput("-H: '" + h + "' is not 'Name: value'");
            }
            parsed.add(new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        if (!method.matches("[A-Za-z]+")) {
            throw ApituneException.invalidInput("--method: '" + method + "' is not an HTTP method");
        }
        return new RequestSpec(method.toUpperCase(Locale.ROOT), url, parsed, bodyBytes());
    }

    private byte[] bodyBytes() {
        if (body != null && bodyFile != null) {
            throw ApituneException.invalidInput("give only one of --body and --body-file");
        }
        if (bodyFile == null) {
            return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(bodyFile);
        } catch (IOException e) {
            throw ApituneException.invalidInput("--body-file: cannot read " + bodyFile + ": "
                    + e.getClass().getSimpleName());
        }
    }

    private Arrival arrival() {
        try {
            return Arrival.valueOf(arrival.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApituneException.invalidInput("--arrival: '" + arrival
                    + "' is not constant or poisson");
        }
    }

    private KeySpace keySpace() {
        String spec = keyDist.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("uniform")) {
            return new KeySpace(keys, KeySpace.Distribution.UNIFORM, 0);
        }
        if (spec.equals("zipf")) {
            return new KeySpace(keys, KeySpace.Distribution.ZIPF, LoadDefaults.ZIPF_EXPONENT);
        }
        if (spec.startsWith("zipf:")) {
            try {
                double s = Double.parseDouble(spec.substring(5));
                return new KeySpace(keys, KeySpace.Distribution.ZIPF, s);
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw ApituneException.invalidInput("--key-dist: '" + keyDist
                + "' is not uniform, zipf or zipf:<exponent>");
    }

    private static Duration duration(String flag, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApituneException.invalidInput(flag + ": " + e.getMessage());
        }
    }
}
