package io.apitune.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.apitune.load.Check;

/**
 * The checks of one request of a mix as written ({@code check:} with {@code status},
 * {@code headers}, {@code body} and {@code json}), and the one place their rules are stated:
 * statuses are codes 100..599 or classes {@code 1xx}..{@code 5xx}; a header or JSON value is
 * matched by {@code exists}, {@code equals} or {@code contains} (the last two with a value); a
 * body check is {@code contains}; a JSON path must parse (Jayway JsonPath syntax).
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class CheckSettings {
    private static final Pattern STATUS_CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);

    private final List<Setting> statuses = new ArrayList<>();
    private final List<Written> checks = new ArrayList<>();

    /** A header, JSON or body check in the order written; {@code kind} says which. */
    private record Written(String kind, Matching matching, Setting text) {
    }

    /**
     * A header or JSON check as written.
     *
     * @param subject the header name or the JSON path
     * @param match   {@code exists}, {@code equals} or {@code contains}
     * @param value   the value compared with, null for {@code exists}
     */
    public record Matching(Setting subject, Setting match, Setting value) {
    }

    /** One accepted status: {@code 201} or {@code 2xx}. */
    public CheckSettings status(Setting value) {
        statuses.add(value);
        return this;
    }

    public CheckSettings header(Matching check) {
        checks.add(new Written("header", check, null));
        return this;
    }

    public CheckSettings json(Matching check) {
        checks.add(new Written("json", check, null));
        return this;
    }

    /** The body must contain {@code text}. */
    public CheckSettings bodyContains(Setting text) {
        checks.add(new Written("body", null, text));
        return this;
    }

    /** The checks in order: the status check first, then the others as written. */
    List<Check> build() {
        List<Check> built = new ArrayList<>();
        if (!statuses.isEmpty()) {
            built.add(status());
        }
        for (Written c : checks) {
            if (c.kind().equals("body")) {
                built.add(attempt(c.text(), () -> new Check.Body(c.text().text())));
            } else {
                Matching m = c.matching();
                Check.Match match = Check.Match.valueOf(m.match().choice("exists", "equals", "contains")
                        .toUpperCase(Locale.ROOT));
                if (match != Check.Match.EXISTS && m.value() == null) {
                    throw m.match().fail(match.name().toLowerCase(Locale.ROOT) + " needs a value");
                }
                String value = m.value() == null ? null : m.value().text();
                boolean header = c.kind().equals("header");
                built.add(attempt(m.subject(), () -> header ? new Check.Header(m.subject().trimmed(), match, value)
                        : new Check.Json(m.subject().trimmed(), match, value)));
            }
        }
        return built;
    }

    private Check status() {
        List<Integer> codes = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Setting s : statuses) {
            Matcher c = STATUS_CLASS.matcher(s.trimmed());
            if (c.matches()) {
                classes.add(Integer.parseInt(c.group(1)));
            } else {
                long code = s.integer(100);
                if (code > 599) {
                    throw s.fail(code + " is not an HTTP status (100..599, or 2xx)");
                }
                codes.add((int) code);
            }
        }
        return new Check.Status(codes, classes);
    }

    private static Check attempt(Setting where, java.util.function.Supplier<Check> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw where.fail(e.getMessage());
        }
    }
}
