package io.apitune.run;

import static io.apitune.Durations.format;

import io.apitune.load.LoadDefaults;

/**
 * The load settings a run can give, each written once: its scenario key ({@code ramp-up}), its
 * flags ({@code --ramp-up}) and its help text, from which the command line is built.
 */
public enum LoadKey implements SettingKey {
    RATE("rate", "R", "Open model: R requests per second (200 or 200/s) with intended send times "
            + "(latency counts from them). Without it: closed model."),
    ARRIVAL("arrival", "constant|poisson", "Spacing of intended send times with a rate (default: constant)."),
    CONNECTIONS("connections", "C", "With a rate: maximum connections, default " + LoadDefaults.OPEN_CONNECTIONS
            + " (a request waiting for one still counts from its intended time). Without: C requests in "
            + "flight, default " + LoadDefaults.CLOSED_CONNECTIONS + ".", "-c"),
    DURATION("duration", "TIME", "Measured duration after warm-up, e.g. 30s (default: "
            + format(LoadDefaults.DURATION) + " unless requests).", "-d"),
    REQUESTS("requests", "N", "Measure N requests instead of a duration.", "-n"),
    WARMUP("warmup", "TIME", "Load before measurement, excluded from results: at most TIME, ending "
            + "earlier once a second finds the JIT quiet and, with a rate, the schedule kept (default: "
            + format(LoadDefaults.WARMUP) + ")."),
    RAMP_UP("ramp-up", "TIME", "With a rate: ramp linearly from 0 to it at the start of measurement "
            + "(default: " + format(LoadDefaults.RAMP_UP) + ")."),
    TIMEOUT("timeout", "TIME", "Per-request timeout: connect, read, total (default: "
            + format(LoadDefaults.TIMEOUT) + ")."),
    KEYS("keys", "K", "Distinct keys 1..K for {key} in the URL and the item modes (default: "
            + LoadDefaults.KEYS + ")."),
    KEY_DIST("key-dist", "uniform|zipf[:s]", "Key distribution; the zipf exponent s defaults to "
            + LoadDefaults.ZIPF_EXPONENT + " (default: uniform)."),
    METHOD("method", "METHOD", "HTTP method (default: " + LoadDefaults.METHOD + ").", "-m"),
    HEADERS("headers", "'Name: value'", "Request header; repeatable.", "-H", "--header"),
    BODY("body", "TEXT", "Request body (UTF-8)."),
    BODY_FILE("body-file", "FILE", "Request body read from FILE (in a scenario: relative to the file)."),
    SHARD("shard", "I/N", "Drive shard I (0-based) of N of this load, on one of N machines: every "
            + "N-th intended send time from the I-th, connections/N, requests/N and every N-th key; "
            + "needs --start-at. Gates are evaluated on the merged result (apitune report merge)."),
    START_AT("start-at", "TIME", "Start measuring at TIME, an absolute UTC time "
            + "(2026-11-27T10:15:00Z) or +DURATION from now (+30s); warm-up runs before it. "
            + "Give every shard the same absolute time.");

    private final Spec spec;

    /** @param flags the flags when they are not just {@code --key}: the long one last */
    LoadKey(String key, String label, String help, String... flags) {
        this.spec = Spec.of(key, label, help, flags);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public boolean repeatable() {
        return this == HEADERS;
    }

    /** True for the keys that split a run over machines ({@code capacity} has none). */
    public boolean sharding() {
        return this == SHARD || this == START_AT;
    }
}
