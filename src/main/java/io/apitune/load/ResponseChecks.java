package io.apitune.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * The checks of one request, compiled once (JSON paths by Jayway JsonPath, read on the body
 * parsed by Jackson once per answer), and the verdict on each answer: OK, KO by its status
 * class, or KO by the first check it failed. Without a status check an answer is OK when its
 * status is 2xx or 3xx; with one, exactly when the status passes it. The other checks are
 * looked at only for an answer whose status is OK, and only they need the headers or the body.
 *
 * <p>Immutable; thread-safe (the lane threads evaluate their own answers).
 */
final class ResponseChecks {
    /** The answer passed. */
    static final int OK = -1;
    /** The answer is KO by its status class (4xx, 5xx, other), not by a check. */
    static final int STATUS = -2;

    static final ResponseChecks NONE = new ResponseChecks(List.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON)).build();

    private final Check[] checks;
    private final JsonPath[] paths;
    private final byte[][] bodyText;
    private final int statusCheck;
    private final boolean needsHeaders;
    private final boolean needsBody;

    ResponseChecks(List<Check> list) {
        this.checks = list.toArray(Check[]::new);
        this.paths = new JsonPath[checks.length];
        this.bodyText = new byte[checks.length][];
        int status = -1;
        boolean headers = false;
        boolean body = false;
        for (int i = 0; i < checks.length; i++) {
            Check c = checks[i];
            if (c instanceof Check.Status && status < 0) {
                status = i;
            } else if (c instanceof Check.Header) {
                headers = true;
            } else if (c instanceof Check.Body b) {
                bodyText[i] = b.contains().getBytes(StandardCharsets.UTF_8);
                body = true;
            } else if (c instanceof Check.Json j) {
                paths[i] = JsonPath.compile(j.path());
                body = true;
            }
        }
        this.statusCheck = status;
        this.needsHeaders = headers;
        this.needsBody = body;
    }

    boolean isEmpty() {
        return checks.length == 0;
    }

    /** The checks' names, in order, for counting failures per check. */
    List<String> names() {
        return java.util.Arrays.stream(checks).map(Check::name).toList();
    }

    boolean needsHeaders() {
        return needsHeaders;
    }

    boolean needsBody() {
        return needsBody;
    }

    /**
     * {@link #OK}, {@link #STATUS}, or the index of the first check the answer failed.
     *
     * @param response the answer's headers and body, null when no check needs them
     */
    int verdict(int status, Transport.Response response) {
        if (statusCheck >= 0) {
            if (!((Check.Status) checks[statusCheck]).accepts(status)) {
                ErrorKind kind = ErrorKind.ofStatus(status);
                return kind == ErrorKind.STATUS_4XX || kind == ErrorKind.STATUS_5XX ? STATUS : statusCheck;
            }
        } else if (!ErrorKind.isOk(status)) {
            return STATUS;
        }
        JsonNode json = null;
        for (int i = 0; i < checks.length; i++) {
            Check c = checks[i];
            boolean passed;
            if (c instanceof Check.Status) {
                passed = true;
            } else if (c instanceof Check.Header h) {
                passed = matches(h.match(), response.header(h.header()), h.value());
            } else if (c instanceof Check.Body) {
                passed = !response.bodyTruncated() && contains(response.body(), response.bodyLength(), bodyText[i]);
            } else {
                if (json == null) {
                    json = parse(response);
                }
                passed = json != null && jsonMatches((Check.Json) c, paths[i], json);
            }
            if (!passed) {
                return i;
            }
        }
        return OK;
    }

    private static JsonNode parse(Transport.Response response) {
        if (response.bodyTruncated() || response.bodyLength() == 0) {
            return null;
        }
        try {
            return JSON.readTree(response.body(), 0, response.bodyLength());
        } catch (IOException notJson) {
            return null;
        }
    }

    private static boolean matches(Check.Match match, String actual, String expected) {
        return switch (match) {
            case EXISTS -> actual != null;
            case EQUALS -> expected.equals(actual);
            case CONTAINS -> actual != null && actual.contains(expected);
        };
    }

    private static boolean jsonMatches(Check.Json check, JsonPath path, JsonNode json) {
        JsonNode value;
        try {
            value = path.read(json, PATHS);
        } catch (PathNotFoundException | IllegalArgumentException | ClassCastException missing) {
            return false;
        }
        if (value == null || value.isNull() || (value.isArray() && value.isEmpty() && !path.isDefinite())) {
            return false;
        }
        if (value.isArray() && !path.isDefinite() && value.size() == 1) {
            value = value.get(0);
        }
        return switch (check.match()) {
            case EXISTS -> true;
            case EQUALS -> equal(value, check.value());
            case CONTAINS -> (value.isValueNode() ? value.asText() : value.toString()).contains(check.value());
        };
    }

    /** Numbers compare as numbers ({@code 12} equals {@code 12.0}), anything else as text. */
    private static boolean equal(JsonNode value, String expected) {
        if (value.isNumber()) {
            try {
                return value.decimalValue().compareTo(new BigDecimal(expected.trim())) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return (value.isValueNode() ? value.asText() : value.toString()).equals(expected);
    }

    private static boolean contains(byte[] body, int length, byte[] text) {
        outer:
        for (int i = 0; i + text.length <= length; i++) {
            for (int j = 0; j < text.length; j++) {
                if (body[i + j] != text[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
