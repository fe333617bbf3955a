package io.apitune;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations the way users write them: {@code 250us}, {@code 20ms}, {@code 1.5s},
 * {@code 2m}, {@code 1h}; a bare {@code 0} is zero. Shared by CLI flags and scenario files.
 *
 * <p>Stateless; thread-safe.
 */
public final class Durations {
    /**
     * The longest duration accepted, about 11 years: far beyond any run or timeout, and short
     * enough that adding a few of them (warm-up, duration, timeout) to {@link System#nanoTime()}
     * never overflows a {@code long}.
     */
    public static final Duration MAX = Duration.ofHours(100_000);

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param text e.g. {@code 20ms}; never negative
     * @throws IllegalArgumentException with a message naming the value when the text is not a
     *         duration or is longer than {@link #MAX}
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = SYNTAX.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration (write e.g. 500us, 20ms, 1.5s, 2m)");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = amount * nanosPerUnit;
        if (!(nanos <= MAX.toNanos())) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + format(MAX)
                    + ", the longest duration apitune accepts");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Shortest readable form, e.g. {@code 20ms}, {@code 1.5s}, {@code 250us}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        if (nanos >= 1_000L) {
            return trim(nanos / 1e3) + "us";
        }
        return nanos + "ns";
    }

    private static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
