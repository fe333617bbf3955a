package io.apitune.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.apitune.ApituneException;
import io.apitune.Durations;

/**
 * Parses the gate language:
 * <pre>
 * gate      := reference OP bound            OP: &lt; &lt;= &gt; &gt;= ==
 * bound     := literal | [number '*'] target | target '*' number
 * target    := reference | 'baseline'
 * literal   := number [ns|us|ms|s|m|h | % | /s]
 * reference := [run '.'] metric              e.g. p99, async.p99.9, service.p99, errors
 * </pre>
 * Syntax errors throw {@link ApituneException} (exit 2) naming the gate.
 *
 * <p>Stateless; thread-safe.
 */
public final class GateParser {
    private static final Pattern OPERATOR = Pattern.compile("<=|>=|==|<|>");
    private static final Pattern REFERENCE =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern LITERAL =
            Pattern.compile("(" + NUMBER.pattern() + ")\\s*(ns|us|µs|ms|s|m|h|%|/s)?");
    private static final String BASELINE = "baseline";

    private GateParser() {
    }

    /** Parses every gate, in order. */
    public static List<Gate> parseAll(List<String> texts) {
        List<Gate> gates = new ArrayList<>();
        for (String text : texts) {
            gates.add(parse(text));
        }
        return List.copyOf(gates);
    }

    /** @throws ApituneException (exit 2) with a message naming the gate and the problem */
    public static Gate parse(String text) {
        String gate = text == null ? "" : text.trim();
        Matcher op = OPERATOR.matcher(gate);
        if (!op.find()) {
            throw error(gate, "no comparison (use one of < <= > >= ==)");
        }
        String left = gate.substring(0, op.start()).trim();
        String right = gate.substring(op.end()).trim();
        if (OPERATOR.matcher(right).find()) {
            throw error(gate, "more than one comparison");
        }
        if (left.isEmpty() || right.isEmpty()) {
            throw error(gate, "needs a metric on the left and a limit on the right");
        }
        Operator operator = Operator.ofSymbol(op.group());
        return new Gate(gate, reference(gate, left), operator, bound(gate, right), null, null);
    }

    private static Gate.Reference reference(String gate, String text) {
        if (!REFERENCE.matcher(text).matches() || text.equals(BASELINE)) {
            throw error(gate, "'" + text + "' is not a metric (write e.g. p99, async.throughput)");
        }
        return new Gate.Reference(text);
    }

    private static Gate.Bound bound(String gate, String text) {
        int star = text.indexOf('*');
        if (star < 0) {
            if (NUMBER.matcher(text).lookingAt()) {
                return literal(gate, text);
            }
            return target(gate, text, 1.0);
        }
        String a = text.substring(0, star).trim();
        String b = text.substring(star + 1).trim();
        if (NUMBER.matcher(a).matches()) {
            return target(gate, b, Double.parseDouble(a));
        }
        if (NUMBER.matcher(b).matches()) {
            return target(gate, a, Double.parseDouble(b));
        }
        throw error(gate, "'" + text + "' must multiply a metric or baseline by a plain number");
    }

    private static Gate.Bound target(String gate, String text, double factor) {
        if (text.equals(BASELINE)) {
            return new Gate.Baseline(factor);
        }
        return new Gate.Relative(factor, reference(gate, text));
    }

    private static Gate.Literal literal(String gate, String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            throw error(gate, "'" + text + "' is not a limit (write e.g. 25ms, 0.1%, 900/s, 5)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            return new Gate.Literal(number, Gate.LiteralUnit.BARE);
        }
        return switch (unit) {
            case "%" -> new Gate.Literal(number / 100.0, Gate.LiteralUnit.PERCENT);
            case "/s" -> new Gate.Literal(number, Gate.LiteralUnit.PER_SECOND);
            default -> new Gate.Literal(millis(duration(gate, text)), Gate.LiteralUnit.DURATION);
        };
    }

    private static Duration duration(String gate, String text) {
        try {
            return Durations.parse(text.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            throw error(gate, e.getMessage());
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    static ApituneException error(String gate, String problem) {
        return ApituneException.invalidInput("gate '" + gate + "': " + problem);
    }
}
