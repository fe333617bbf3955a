package io.apitune.scenario;

import java.time.Duration;

/**
 * Load settings a scenario run gets when neither the run nor the scenario's {@code defaults}
 * give them. They match the defaults of {@code apitune bench}.
 */
public final class ScenarioDefaults {
    /** Requests in flight in the closed model. */
    public static final int CLOSED_CONNECTIONS = 16;
    /** Connection cap in the open model (with a rate). */
    public static final int OPEN_CONNECTIONS = 64;
    public static final Duration DURATION = Duration.ofSeconds(10);
    public static final Duration WARMUP = Duration.ofSeconds(2);
    public static final Duration RAMP_UP = Duration.ZERO;
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final long KEYS = 1000;
    public static final double ZIPF_EXPONENT = 1.1;
    public static final String METHOD = "GET";

    private ScenarioDefaults() {
    }
}
