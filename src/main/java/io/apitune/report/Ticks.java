package io.apitune.report;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis numbers (1, 2, 2.5, 5 × 10ⁿ) for chart ticks.
 *
 * <p>Stateless; thread-safe.
 */
final class Ticks {
    private static final int TARGET_TICKS = 5;

    private Ticks() {
    }

    /** The smallest nice number ≥ value; 1 for non-positive values. */
    static double niceCeiling(double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            return 1;
        }
        double step = step(value);
        return Math.ceil(value / step - 1e-9) * step;
    }

    /** Tick positions from min to max (inclusive where they land), about five of them. */
    static List<Double> linear(double min, double max) {
        List<Double> ticks = new ArrayList<>();
        double step = step(max - min);
        double first = Math.ceil(min / step - 1e-9) * step;
        for (double t = first; t <= max + step * 1e-6; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    private static double step(double range) {
        double raw = range / TARGET_TICKS;
        if (!(raw > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalized = raw / magnitude;
        double nice = normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
