package io.apitune.run;

/**
 * The load settings a run can give, named once for both sources: the scenario key
 * ({@code ramp-up}) and the command-line flag ({@code --ramp-up}).
 */
public enum LoadKey {
    RATE("rate"),
    ARRIVAL("arrival"),
    CONNECTIONS("connections"),
    DURATION("duration"),
    REQUESTS("requests"),
    WARMUP("warmup"),
    RAMP_UP("ramp-up"),
    TIMEOUT("timeout"),
    KEYS("keys"),
    KEY_DIST("key-dist"),
    METHOD("method"),
    HEADERS("headers", "-H"),
    BODY("body"),
    BODY_FILE("body-file");

    private final String key;
    private final String flag;

    LoadKey(String key) {
        this(key, "--" + key);
    }

    LoadKey(String key, String flag) {
        this.key = key;
        this.flag = flag;
    }

    /** The scenario key, e.g. {@code ramp-up}. */
    public String key() {
        return key;
    }

    /** The flag named in messages, e.g. {@code --ramp-up}. */
    public String flag() {
        return flag;
    }
}
