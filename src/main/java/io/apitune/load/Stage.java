package io.apitune.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One stage of a staged load profile: hold a level for a while, or ramp linearly to a level. The
 * level is a rate (requests per second) in the open model and a number of connections (requests
 * in flight) in the closed model. A stage whose level differs from the previous stage's end is a
 * step; a ramp starts where the previous stage ended (at 0 for the first stage).
 *
 * <p>Immutable; thread-safe.
 *
 * @param ramp     true for a linear ramp to {@code level}, false to hold it
 * @param level    the rate or connection count held or ramped to, >= 0 and finite
 * @param duration how long the stage lasts, > 0
 */
public record Stage(boolean ramp, double level, Duration duration) {
    public Stage {
        Objects.requireNonNull(duration, "duration");
        if (!(level >= 0 && Double.isFinite(level))) {
            throw new IllegalArgumentException("stage level " + level + " must be finite and >= 0");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("stage duration " + duration + " must be positive");
        }
    }

    /** Holds {@code level} for {@code duration}. */
    public static Stage hold(double level, Duration duration) {
        return new Stage(false, level, duration);
    }

    /** Ramps linearly from the previous stage's end to {@code level} over {@code duration}. */
    public static Stage rampTo(double level, Duration duration) {
        return new Stage(true, level, duration);
    }
}
