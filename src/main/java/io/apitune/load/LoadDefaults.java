package io.apitune.load;

import java.time.Duration;

import io.apitune.Durations;

/**
 * The load settings a run gets when it does not give them: one source for the {@code bench}
 * flags ({@code cli.LoadOptions}, which needs the text forms as annotation constants) and for
 * scenario files ({@code scenario.LoadKeys}). Immutable.
 */
public final class LoadDefaults {
    /** Requests in flight in the closed model. */
    public static final int CLOSED_CONNECTIONS = 16;
    /** Connection cap in the open model (with a rate). */
    public static final int OPEN_CONNECTIONS = 64;
    public static final String DURATION_TEXT = "10s";
    public static final String WARMUP_TEXT = "2s";
    public static final String RAMP_UP_TEXT = "0";
    public static final String TIMEOUT_TEXT = "5s";
    public static final String KEYS_TEXT = "1000";
    public static final String METHOD = "GET";
    /** Exponent s of {@code zipf} when the user writes no {@code :s}. */
    public static final double ZIPF_EXPONENT = 1.1;

    public static final Duration DURATION = Durations.parse(DURATION_TEXT);
    public static final Duration WARMUP = Durations.parse(WARMUP_TEXT);
    public static final Duration RAMP_UP = Durations.parse(RAMP_UP_TEXT);
    public static final Duration TIMEOUT = Durations.parse(TIMEOUT_TEXT);
    public static final long KEYS = Long.parseLong(KEYS_TEXT);

    private LoadDefaults() {
    }

    /** The connections of a run that does not give them: depends on the load model. */
    public static int connections(boolean openModel) {
        return openModel ? OPEN_CONNECTIONS : CLOSED_CONNECTIONS;
    }
}
