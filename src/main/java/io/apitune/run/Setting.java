package io.apitune.run;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.apitune.ApituneException;
import io.apitune.Durations;

/**
 * One value as the user wrote it (flag argument or scenario scalar) and where; the conversions
 * every rule needs, each failing with a message that names the setting.
 *
 * <p>Immutable; thread-safe.
 */
public record Setting(String text, Origin origin) {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)\\s*(?:/s)?");

    public Setting {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /** A flag's value, e.g. {@code Setting.flag("--rate", "200")}. */
    public static Setting flag(String name, String text) {
        return new Setting(text, Origin.flag(name));
    }

    public ApituneException fail(String problem) {
        return origin.fail(problem);
    }

    public String trimmed() {
        return text.trim();
    }

    /** A whole number of at least {@code min}. */
    public long integer(long min) {
        long value;
        try {
            value = Long.parseLong(trimmed());
        } catch (NumberFormatException e) {
            throw fail("\"" + text + "\" is not a whole number");
        }
        if (value < min) {
            throw fail(value + " must be at least " + min);
        }
        return value;
    }

    /** A whole number in {@code min..max}. */
    public int intValue(int min, int max) {
        long value = integer(min);
        if (value > max) {
            throw fail(value + " must be at most " + max);
        }
        return (int) value;
    }

    /** A positive, finite rate per second: {@code 200}, {@code 200/s}, {@code 12.5}, {@code 1e4}. */
    public double rate() {
        Matcher m = RATE.matcher(trimmed());
        double value = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
        if (!(value > 0 && Double.isFinite(value))) {
            throw fail("\"" + text + "\" is not a rate (write e.g. 200 or 200/s)");
        }
        return value;
    }

    /** A finite rate per second of 0 or more: {@code 0}, {@code 200}, {@code 200/s}. */
    public double rateOrZero() {
        Matcher m = RATE.matcher(trimmed());
        double value = m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
        if (!(value >= 0 && Double.isFinite(value))) {
            throw fail("\"" + text + "\" is not a rate (write e.g. 0, 200 or 200/s)");
        }
        return value;
    }

    /** A positive, finite number such as {@code 70} or {@code 2.5}. */
    public double positiveNumber() {
        double value;
        try {
            value = Double.parseDouble(trimmed());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && Double.isFinite(value))) {
            throw fail("\"" + text + "\" is not a positive number");
        }
        return value;
    }

    /** A duration such as {@code 20ms} or {@code 1.5s}, zero allowed. */
    public Duration duration() {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            // Durations names the value in single quotes; settings quote it as written, in double.
            throw fail(e.getMessage().replace("'" + text + "'", "\"" + text + "\""));
        }
    }

    public Duration positiveDuration() {
        Duration d = duration();
        if (d.isZero()) {
            throw fail("must be positive");
        }
        return d;
    }

    /**
     * A moment in the future, truncated to the millisecond: an ISO-8601 time with a zone offset
     * ({@code 2026-11-27T10:15:00Z}, {@code 2026-11-27T11:15:00+01:00}) or {@code +DURATION}
     * from {@code now}.
     */
    public Instant startTime(Instant now) {
        String value = trimmed();
        Instant at;
        if (value.startsWith("+")) {
            Duration in;
            try {
                in = Durations.parse(value.substring(1));
            } catch (IllegalArgumentException e) {
                throw fail("\"" + text + "\" is not a time (write e.g. 2026-11-27T10:15:00Z or +30s)");
            }
            at = now.plus(in);
        } else {
            try {
                at = OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw fail("\"" + text + "\" is not a time (write e.g. 2026-11-27T10:15:00Z or +30s)");
            }
        }
        if (!at.isAfter(now)) {
            throw fail(value + " is not in the future (it is now " + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code true} or {@code false} (a switch: a given flag is {@code true}). */
    public boolean bool() {
        String value = trimmed();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw fail("\"" + text + "\" is not true or false");
    }

    /** One of {@code choices} (lower case), case-insensitive; returns it in lower case. */
    public String choice(String... choices) {
        String value = trimmed().toLowerCase(Locale.ROOT);
        for (String c : choices) {
            if (c.equals(value)) {
                return value;
            }
        }
        throw fail("\"" + text + "\" is not one of " + String.join(", ", choices));
    }
}
