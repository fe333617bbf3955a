package io.apitune.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apitune.load.LoadDefaults;
import io.apitune.run.LoadKey;
import io.apitune.run.LoadSettings;
import io.apitune.run.Naming;
import io.apitune.run.Setting;
import picocli.CommandLine.Option;

/**
 * The load flags shared by {@code bench}, {@code compare} and {@code capacity} (a picocli mixin).
 * Values are kept as typed by the user and handed to {@link LoadSettings}, which checks them with
 * the same rules as scenario files; what is not given comes from {@link LoadDefaults}.
 *
 * <p>Not thread-safe; filled by picocli on the command's thread.
 */
public final class LoadOptions {
    @Option(names = "--rate", paramLabel = "R",
            description = "Open model: R requests per second (200 or 200/s) with intended send "
                    + "times (latency counts from them). Without it: closed model.")
    String rate;

    @Option(names = "--arrival", paramLabel = "constant|poisson",
            description = "Spacing of intended send times with --rate (default: constant).")
    String arrival;

    @Option(names = {"-c", "--connections"}, paramLabel = "C",
            description = "With --rate: maximum connections, default "
                    + LoadDefaults.OPEN_CONNECTIONS + " (a request waiting for one still counts "
                    + "from its intended time). Without --rate: C requests in flight, default "
                    + LoadDefaults.CLOSED_CONNECTIONS + ".")
    String connections;

    @Option(names = {"-d", "--duration"}, paramLabel = "TIME",
            description = "Measured duration after warm-up, e.g. 30s (default: "
                    + LoadDefaults.DURATION_TEXT + " unless --requests).")
    String duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Measure N requests instead of a duration.")
    String requests;

    @Option(names = "--warmup", paramLabel = "TIME",
            description = "Load before measurement, excluded from results (default: "
                    + LoadDefaults.WARMUP_TEXT + ").")
    String warmup;

    @Option(names = "--ramp-up", paramLabel = "TIME",
            description = "With --rate: ramp linearly from 0 to R at the start of measurement "
                    + "(default: " + LoadDefaults.RAMP_UP_TEXT + ").")
    String rampUp;

    @Option(names = "--timeout", paramLabel = "TIME",
            description = "Per-request timeout (connect, read, total) (default: "
                    + LoadDefaults.TIMEOUT_TEXT + ").")
    String timeout;

    @Option(names = "--keys", paramLabel = "K",
            description = "Distinct keys 1..K for {key} in the URL and the item modes (default: "
                    + LoadDefaults.KEYS_TEXT + ").")
    String keys;

    @Option(names = "--key-dist", paramLabel = "uniform|zipf[:s]",
            description = "Key distribution; zipf exponent s defaults to " + LoadDefaults.ZIPF_EXPONENT
                    + " (default: uniform).")
    String keyDist;

    @Option(names = {"-m", "--method"}, paramLabel = "METHOD",
            description = "HTTP method (default: " + LoadDefaults.METHOD + ").")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "Request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT", description = "Request body (UTF-8).")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Request body read from FILE.")
    String bodyFile;

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

    /** The flags that were given, as settings for {@link LoadSettings#build}. */
    public LoadSettings settings() {
        LoadSettings settings = new LoadSettings(Naming.FLAGS);
        put(settings, LoadKey.RATE, rate);
        put(settings, LoadKey.ARRIVAL, arrival);
        put(settings, LoadKey.CONNECTIONS, connections);
        put(settings, LoadKey.DURATION, duration);
        put(settings, LoadKey.REQUESTS, requests);
        put(settings, LoadKey.WARMUP, warmup);
        put(settings, LoadKey.RAMP_UP, rampUp);
        put(settings, LoadKey.TIMEOUT, timeout);
        put(settings, LoadKey.KEYS, keys);
        put(settings, LoadKey.KEY_DIST, keyDist);
        put(settings, LoadKey.METHOD, method);
        put(settings, LoadKey.BODY, body);
        put(settings, LoadKey.BODY_FILE, bodyFile);
        headers.forEach(h -> settings.header(Setting.flag(LoadKey.HEADERS.flag(), h)));
        return settings;
    }

    private static void put(LoadSettings settings, LoadKey key, String value) {
        if (value != null) {
            settings.set(key, Setting.flag(key.flag(), value));
        }
    }
}
