package io.apitune.load;

import java.time.Duration;

/**
 * The load settings a run gets when it does not give them: one source for the flags and for
 * scenario files (both go through {@code run.LoadSettings}). Immutable.
 */
public final class LoadDefaults {
    /** Requests in flight in the closed model. */
    public static final int CLOSED_CONNECTIONS = 16;
    /** Connection cap in the open model (with a rate). */
    public static final int OPEN_CONNECTIONS = 64;
    public static final Duration DURATION = Duration.ofSeconds(10);
    /** At most: warm-up ends earlier once the JIT is quiet (and the open model's schedule kept). */
    public static final Duration WARMUP = Duration.ofSeconds(10);
    public static final Duration RAMP_UP = Duration.ZERO;
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final long KEYS = 1000;
    public static final String METHOD = "GET";
    /** Exponent s of {@code zipf} when the user writes no {@code :s}. */
    public static final double ZIPF_EXPONENT = 1.1;

    private LoadDefaults() {
    }

    /** The connections of a run that does not give them: depends on the load model. */
    public static int connections(boolean openModel) {
        return openModel ? OPEN_CONNECTIONS : CLOSED_CONNECTIONS;
    }
}
