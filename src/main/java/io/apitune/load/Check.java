package io.apitune.load;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;

/**
 * A response check of one request of a mix: what an answer must satisfy to count as OK. A
 * request whose answer fails a check is KO with the error class {@link ErrorKind#CHECK}, counted
 * under the check's {@link #name()}. {@link ResponseChecks} evaluates them.
 *
 * <p>Immutable; thread-safe. Invalid definitions (a bad status, an unparsable JSON path) throw
 * {@link IllegalArgumentException} naming the problem, once, when built.
 */
public sealed interface Check permits Check.Status, Check.Header, Check.Body, Check.Json {
    /** How a check's name reads in reports: {@code status 201}, {@code json $.id exists}. */
    String name();

    /** How a header or JSON value is compared. */
    enum Match {
        /** Present (a JSON value that is not null). */
        EXISTS,
        /** Equal to the expected text (JSON numbers compare as numbers). */
        EQUALS,
        /** Contains the expected text. */
        CONTAINS;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The status must be one of {@code codes} or in one of {@code classes} (2 for {@code 2xx}).
     * A request with a status check is OK exactly when its status passes it, so {@code [200, 404]}
     * makes a 404 an OK answer; a status outside the set is KO: {@code status4xx} or
     * {@code status5xx} when it is one, else {@code check}.
     */
    record Status(List<Integer> codes, List<Integer> classes) implements Check {
        public Status {
            codes = List.copyOf(codes);
            classes = List.copyOf(classes);
            if (codes.isEmpty() && classes.isEmpty()) {
                throw new IllegalArgumentException("a status check needs at least one status");
            }
            for (int code : codes) {
                if (code < 100 || code > 599) {
                    throw new IllegalArgumentException(code + " is not an HTTP status (100..599)");
                }
            }
            for (int c : classes) {
                if (c < 1 || c > 5) {
                    throw new IllegalArgumentException(c + "xx is not a status class (1xx..5xx)");
                }
            }
        }

        /** True when {@code status} passes. */
        public boolean accepts(int status) {
            return codes.contains(status) || classes.contains(status / 100);
        }

        @Override
        public String name() {
            return "status " + java.util.stream.Stream.concat(codes.stream().map(String::valueOf),
                    classes.stream().map(c -> c + "xx")).collect(Collectors.joining(", "));
        }
    }

    /** A response header exists, equals or contains {@code value} (names case-insensitive). */
    record Header(String header, Match match, String value) implements Check {
        public Header {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(match, "match");
            if (header.isBlank() || !header.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("\"" + header + "\" is not a header name");
            }
            value = requireValue(match, value);
        }

        @Override
        public String name() {
            return "header " + header + " " + match.key() + (match == Match.EXISTS ? "" : " " + value);
        }
    }

    /** The body contains {@code text} (compared as UTF-8 bytes). */
    record Body(String contains) implements Check {
        public Body {
            if (contains == null || contains.isEmpty()) {
                throw new IllegalArgumentException("a body check needs the text to look for");
            }
        }

        @Override
        public String name() {
            return "body contains " + contains;
        }
    }

    /** The value at a JSON path of the body exists, equals or contains {@code value}. */
    record Json(String path, Match match, String value) implements Check {
        public Json {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(match, "match");
            try {
                JsonPath.compile(path);
            } catch (InvalidPathException | IllegalArgumentException e) {
                throw new IllegalArgumentException("\"" + path + "\" is not a JSON path ("
                        + e.getMessage() + ")");
            }
            value = requireValue(match, value);
        }

        @Override
        public String name() {
            return "json " + path + " " + match.key() + (match == Match.EXISTS ? "" : " " + value);
        }
    }

    private static String requireValue(Match match, String value) {
        if (match == Match.EXISTS) {
            return null;
        }
        if (value == null) {
            throw new IllegalArgumentException(match.key() + " needs a value");
        }
        return value;
    }
}
