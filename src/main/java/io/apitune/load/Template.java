package io.apitune.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL, header value or body with placeholders, compiled once so that a request is rendered by
 * appending parts, never by parsing. Placeholders:
 * <ul>
 *   <li>{@code ${feeder.column}}: the column of the row the request took from that feeder;</li>
 *   <li>{@code ${key}}: a key 1..K from the run's key distribution (uniform or zipf);</li>
 *   <li>{@code ${uuid}}: a random (version 4) UUID;</li>
 *   <li>{@code ${seq}}: 1, 2, 3, ... over the whole run, one number per request;</li>
 *   <li>{@code ${randomInt(a,b)}}: a uniform random integer in a..b, drawn at each occurrence.</li>
 * </ul>
 * {@code ${key}}, {@code ${uuid}} and {@code ${seq}} have one value per request wherever they
 * appear in it. {@code $${} is a literal {@code ${}. In a URL, the bare {@code {key}} of a
 * single-URL run also stands for {@code ${key}}, and substituted values are percent-encoded
 * (RFC 3986 unreserved characters stay as they are); in headers and bodies they are inserted as
 * they are.
 *
 * <p>Immutable; thread-safe. {@link #render} runs on a lane thread with that lane's
 * {@link Values}.
 */
public final class Template {
    private static final Pattern RANDOM_INT =
            Pattern.compile("randomInt\\(\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*\\)");
    private static final Pattern COLUMN = Pattern.compile("([A-Za-z0-9_-]+)\\.([^.}]+)");
    private static final Pattern FEEDER_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z0-9_-]+)\\.");
    private static final String KNOWN = "known: key, uuid, seq, randomInt(a,b), FEEDER.COLUMN";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static final int LITERAL = 0;
    private static final int KEY = 1;
    private static final int UUID = 2;
    private static final int SEQ = 3;
    private static final int RANDOM = 4;
    private static final int FEEDER_COLUMN = 5;

    private final String text;
    private final int[] kinds;
    private final String[] literals;
    /** randomInt: the bounds; a feeder column: the feeder's and the column's index. */
    private final long[] first;
    private final long[] second;
    private final int[] feeders;

    private Template(String text, List<Object[]> parts) {
        this.text = text;
        int n = parts.size();
        this.kinds = new int[n];
        this.literals = new String[n];
        this.first = new long[n];
        this.second = new long[n];
        TreeSet<Integer> used = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            Object[] p = parts.get(i);
            kinds[i] = (Integer) p[0];
            literals[i] = (String) p[1];
            first[i] = (Long) p[2];
            second[i] = (Long) p[3];
            if (kinds[i] == FEEDER_COLUMN) {
                used.add((int) first[i]);
            }
        }
        this.feeders = used.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What a request's templates draw from: one set per lane, values fixed per request. */
    public interface Values {
        /** The request's key (the same wherever {@code ${key}} appears in it). */
        long key();

        /** The request's sequence number. */
        long seq();

        /** The request's UUID. */
        String uuid();

        /** The value of {@code column} in the row the request took from {@code feeder}. */
        String column(int feeder, int column);
    }

    /**
     * Compiles {@code text}.
     *
     * @param feeders   the feeders {@code ${feeder.column}} may name
     * @param legacyKey true for a URL, where {@code {key}} also stands for {@code ${key}}
     * @throws IllegalArgumentException naming the placeholder that is not one
     */
    public static Template compile(String text, List<FeederSpec> feeders, boolean legacyKey) {
        List<Object[]> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                literal.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("\"" + text.substring(i)
                            + "\" has no closing } (a literal ${ is written $${)");
                }
                flush(literal, parts);
                parts.add(placeholder(text.substring(i + 2, end).trim(), feeders));
                i = end + 1;
            } else if (legacyKey && text.startsWith(RequestTemplate.KEY_PLACEHOLDER, i)) {
                flush(literal, parts);
                parts.add(part(KEY, null, 0, 0));
                i += RequestTemplate.KEY_PLACEHOLDER.length();
            } else {
                literal.append(text.charAt(i++));
            }
        }
        flush(literal, parts);
        return new Template(text, parts);
    }

    private static void flush(StringBuilder literal, List<Object[]> parts) {
        if (literal.length() > 0) {
            parts.add(part(LITERAL, literal.toString(), 0, 0));
            literal.setLength(0);
        }
    }

    private static Object[] part(int kind, String literal, long a, long b) {
        return new Object[] {kind, literal, a, b};
    }

    private static Object[] placeholder(String name, List<FeederSpec> feeders) {
        switch (name) {
            case "key":
                return part(KEY, null, 0, 0);
            case "uuid":
                return part(UUID, null, 0, 0);
            case "seq":
                return part(SEQ, null, 0, 0);
            default:
                break;
        }
        Matcher random = RANDOM_INT.matcher(name);
        if (random.matches()) {
            long a = Long.parseLong(random.group(1));
            long b = Long.parseLong(random.group(2));
            if (a > b || b - a == Long.MAX_VALUE) {
                throw new IllegalArgumentException("${" + name + "}: the range " + a + ".." + b
                        + " is empty or too wide");
            }
            return part(RANDOM, null, a, b);
        }
        Matcher column = COLUMN.matcher(name);
        if (!column.matches()) {
            throw new IllegalArgumentException("${" + name + "} is not a placeholder (" + KNOWN + ")");
        }
        return feederColumn(name, column.group(1), column.group(2), feeders);
    }

    private static Object[] feederColumn(String name, String feeder, String columnName,
            List<FeederSpec> feeders) {
        for (int f = 0; f < feeders.size(); f++) {
            FeederSpec spec = feeders.get(f);
            if (spec.name().equals(feeder)) {
                int c = spec.column(columnName);
                if (c < 0) {
                    throw new IllegalArgumentException("${" + name + "}: feeder \"" + feeder
                            + "\" has no column \"" + columnName + "\" (columns: "
                            + String.join(", ", spec.columns()) + ")");
                }
                return part(FEEDER_COLUMN, null, f, c);
            }
        }
        throw new IllegalArgumentException("${" + name + "}: no feeder \"" + feeder + "\" (feeders: "
                + (feeders.isEmpty() ? "none" : String.join(", ", feeders.stream()
                        .map(FeederSpec::name).toList())) + ")");
    }

    /** The feeder names {@code text}'s placeholders name ({@code items} of {@code ${items.id}}). */
    public static java.util.Set<String> feederNames(String text) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        Matcher m = FEEDER_REFERENCE.matcher(text);
        while (m.find()) {
            if (m.start() == 0 || text.charAt(m.start() - 1) != '$') {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /** True when there is nothing to substitute: every request gets {@link #constantText()}. */
    public boolean constant() {
        return kinds.length == 0 || (kinds.length == 1 && kinds[0] == LITERAL);
    }

    /** The text without placeholders ({@code $${} unescaped); only when {@link #constant()}. */
    public String constantText() {
        return kinds.length == 0 ? "" : literals[0];
    }

    /** The feeders this template reads, by index, ascending. */
    int[] feeders() {
        return feeders.clone();
    }

    /** The literal text before the first placeholder (all of it when constant). */
    String prefix() {
        return kinds.length > 0 && kinds[0] == LITERAL ? literals[0] : "";
    }

    /** Appends this template with {@code values}; {@code encode} percent-encodes substitutions. */
    void render(StringBuilder out, Values values, boolean encode) {
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case LITERAL -> out.append(literals[i]);
                case KEY -> out.append(values.key());
                case SEQ -> out.append(values.seq());
                case UUID -> out.append(values.uuid());
                case RANDOM -> out.append(first[i] + java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(second[i] - first[i] + 1));
                default -> {
                    String value = values.column((int) first[i], (int) second[i]);
                    if (encode) {
                        percentEncode(out, value);
                    } else {
                        out.append(value);
                    }
                }
            }
        }
    }

    /** RFC 3986: everything but unreserved characters as %XX of its UTF-8 bytes. */
    static void percentEncode(StringBuilder out, String value) {
        int n = value.length();
        int i = 0;
        while (i < n && unreserved(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            out.append(value);
            return;
        }
        out.append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (unreserved(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
