package io.apitune.gate;

import static io.apitune.gate.ReportFixtures.rounds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.apitune.report.model.GateVerdict;
import io.apitune.report.model.RoundInterval;
import io.apitune.report.model.RunReport;
import io.apitune.stats.Interval;
import org.junit.jupiter.api.Test;

/** Gates on runs measured in rounds: three outcomes from the interval, never from one number. */
class IntervalJudgeTest {
    private static final double[] TPUT = {100, 100, 100, 100, 100, 100};
    private static final double[] A = {20.0, 21.0, 20.5, 22.0, 20.2, 20.8};

    private static List<GateResult> evaluate(String gate, RunReport... runs) {
        Map<String, RunReport> byName = new LinkedHashMap<>();
        for (RunReport run : runs) {
            byName.put(run.name(), run);
        }
        return new GateEvaluator(ReportMetrics.ofRuns(byName), null).evaluate(GateParser.parse(gate));
    }

    private static double[] times(double[] values, double... factors) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factors[i % factors.length];
        }
        return out;
    }

    @Test
    void aRegressionFailsTheSameFailsNothingAndANoisyRoundLeavesItOpen() {
        RunReport a = rounds("A", A, TPUT);
        GateResult slower = evaluate("B.p99 <= A.p99 * 1.05", a, rounds("B", times(A, 1.3), TPUT)).get(0);
        assertThat(slower.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(slower.interval().statistic()).isEqualTo(RoundInterval.RATIO);
        assertThat(slower.interval().median()).isCloseTo(1.3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slower.interval().paired()).isTrue();
        assertThat(slower.interval().threshold()).isEqualTo(1.05);

        GateResult same = evaluate("B.p99 <= A.p99 * 1.05", a, rounds("B", times(A, 1.0, 1.01, 0.99), TPUT)).get(0);
        assertThat(same.outcome()).isEqualTo(Outcome.PASS);

        GateResult noisy = evaluate("B.p99 <= A.p99 * 1.05", a,
                rounds("B", times(A, 1.0, 1.12, 0.97, 1.10, 1.02, 1.09), TPUT)).get(0);
        assertThat(noisy.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(noisy.reason()).contains("95% interval of the ratio").contains("straddles 1.050");
    }

    @Test
    void absoluteGatesJudgeTheMedianOverRoundsInTheMetricsUnit() {
        RunReport a = rounds("A", A, TPUT);
        assertThat(evaluate("p99 < 25ms", a).get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(evaluate("p99 < 19ms", a).get(0).outcome()).isEqualTo(Outcome.FAIL);
        GateResult open = evaluate("p99 < 20.6ms", a).get(0);
        assertThat(open.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(open.interval().statistic()).isEqualTo(RoundInterval.VALUE);
        assertThat(open.interval().threshold()).isEqualTo(20.6);
        GateResult errors = evaluate("errors < 0.1%", a).get(0);
        assertThat(errors.outcome()).isEqualTo(Outcome.PASS);
        assertThat(errors.interval().high()).isZero();
    }

    @Test
    void aBaselineWithRoundsIsAnIndependentDistribution() {
        RunReport today = rounds("A", times(A, 1.3), TPUT);
        GateEvaluator evaluator = new GateEvaluator(ReportMetrics.ofRuns(Map.of("A", today)),
                ReportMetrics.ofRuns(Map.of("A", rounds("A", A, TPUT))));
        GateResult r = evaluator.evaluate(GateParser.parse("p99 <= baseline * 1.10")).get(0);
        assertThat(r.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(r.interval().paired()).isFalse();
        assertThat(r.interval().median()).isCloseTo(1.3, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aRatioOverZeroBecomesADifference() {
        RunReport a = rounds("A", A, TPUT);
        GateResult r = evaluate("B.errorCount <= 1.1 * A.errorCount", a, rounds("B", A, TPUT)).get(0);
        assertThat(r.interval().statistic()).isEqualTo(RoundInterval.DIFFERENCE);
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void singleRunsAreJudgedAsBefore() {
        GateResult r = evaluate("p99 < 25ms", ReportFixtures.run("A", 10, 20, 100, 0, 1000)).get(0);
        assertThat(r.interval()).isNull();
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void outcomesOfAnIntervalAgainstEachOperator() {
        Interval i = new Interval(1.0, 0.9, 1.1, 0.95, 6, true);
        assertThat(IntervalJudge.outcome(Operator.LESS_OR_EQUAL, i, 1.2)).isEqualTo(Outcome.PASS);
        assertThat(IntervalJudge.outcome(Operator.LESS_OR_EQUAL, i, 0.8)).isEqualTo(Outcome.FAIL);
        assertThat(IntervalJudge.outcome(Operator.LESS_OR_EQUAL, i, 1.0)).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(IntervalJudge.outcome(Operator.GREATER, i, 0.8)).isEqualTo(Outcome.PASS);
        assertThat(IntervalJudge.outcome(Operator.EQUAL, i, 1.0)).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(IntervalJudge.outcome(Operator.EQUAL, i, 2.0)).isEqualTo(Outcome.FAIL);
    }

    @Test
    void tableJsonAndJUnitShowTheInterval() {
        RunReport a = rounds("A", A, TPUT);
        List<GateResult> results = evaluate("B.p99 <= A.p99 * 1.05", a,
                rounds("B", times(A, 1.0, 1.12, 0.97, 1.10, 1.02, 1.09), TPUT));
        StringWriter text = new StringWriter();
        GateTable.print(results, new PrintWriter(text));
        assertThat(text.toString()).contains("median [95% interval] vs limit")
                .containsPattern("ratio 1\\.0\\d\\d \\[\\d\\.\\d{3}, 1\\.\\d{3}\\] vs 1\\.050, 6 rounds paired")
                .contains("INCONCLUSIVE", "gates: 0 passed, 0 failed, 1 inconclusive");
        GateVerdict verdict = results.get(0).toVerdict();
        assertThat(verdict.interval()).isEqualTo(results.get(0).interval());
        assertThat(verdict.outcome()).isEqualTo("inconclusive");
        assertThat(JUnitReport.xml("s", results)).contains("skipped=\"1\"", "<skipped message=\"inconclusive: ",
                "ratio 1.0");
        assertThat(GateTable.exitCode(results)).isEqualTo(5);
    }
}
