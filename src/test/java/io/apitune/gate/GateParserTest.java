package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.apitune.ApituneException;

class GateParserTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p99 < 25ms      | LESS             | 25.0     | DURATION",
        "p99<=1.5s       | LESS_OR_EQUAL    | 1500.0   | DURATION",
        "mean > 250us    | GREATER          | 0.25     | DURATION",
        "p50 >= 2m       | GREATER_OR_EQUAL | 120000.0 | DURATION",
        "errors < 0.1%   | LESS             | 0.001    | PERCENT",
        "throughput > 900/s | GREATER       | 900.0    | PER_SECOND",
        "errorCount == 0 | EQUAL            | 0.0      | BARE",
    })
    void parsesLiteralsIntoNativeUnits(String text, Operator op, double value,
            Gate.LiteralUnit unit) {
        Gate gate = GateParser.parse(text);
        assertThat(gate.operator()).isEqualTo(op);
        Gate.Literal literal = (Gate.Literal) gate.bound();
        assertThat(literal.value()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(literal.unit()).isEqualTo(unit);
    }

    @Test
    void parsesRelativeGatesEitherWayRound() {
        Gate a = GateParser.parse("async.throughput >= 3 * blocking.throughput");
        assertThat(a.left().path()).isEqualTo("async.throughput");
        assertThat(a.bound()).isEqualTo(new Gate.Relative(3, new Gate.Reference("blocking.throughput")));
        Gate b = GateParser.parse("cached.p99 <= async.p99 * 0.5");
        assertThat(b.bound()).isEqualTo(new Gate.Relative(0.5, new Gate.Reference("async.p99")));
        Gate c = GateParser.parse("p99 <= p50");
        assertThat(c.bound()).isEqualTo(new Gate.Relative(1, new Gate.Reference("p50")));
    }

    @Test
    void parsesBaselineGates() {
        assertThat(GateParser.parse("p99 <= baseline * 1.10").bound()).isEqualTo(new Gate.Baseline(1.10));
        assertThat(GateParser.parse("throughput >= 0.9 * baseline").bound())
                .isEqualTo(new Gate.Baseline(0.9));
        assertThat(GateParser.parse("p99 <= baseline").bound()).isEqualTo(new Gate.Baseline(1));
    }

    @Test
    void splitsRunFromMetricOutsideNumbers() {
        assertThat(new Gate.Reference("p99.9").qualified()).isEmpty();
        assertThat(new Gate.Reference("async.p99.99").qualified().orElseThrow())
                .containsExactly("async", "p99.99");
        assertThat(new Gate.Reference("blocking-db.service.p99").qualified().orElseThrow())
                .containsExactly("blocking-db", "service.p99");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p99 25ms            | no comparison",
        "p99 < 25ms < 30ms   | more than one comparison",
        "< 25ms              | needs a metric on the left",
        "p99 <               | needs a metric on the left",
        "99p < 25ms          | '99p' is not a metric",
        "p99 < 25 parsecs    | '25 parsecs' is not a limit",
        "a.p99 <= b.p99 * c.p99 | must multiply a metric or baseline by a plain number",
        "baseline < 3        | 'baseline' is not a metric",
    })
    void rejectsBadSyntaxNamingTheGate(String text, String problem) {
        assertThatThrownBy(() -> GateParser.parse(text))
                .isInstanceOf(ApituneException.class)
                .hasMessageStartingWith("gate '" + text.trim() + "': ")
                .hasMessageContaining(problem == null ? "" : problem)
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }
}
