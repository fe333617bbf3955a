package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.apitune.metrics.TailStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The limited rule, case by case at and around each threshold. */
class HealthVerdictTest {
    private static TailStats p99(double millis) {
        long nanos = (long) (millis * 1e6);
        return new TailStats(100, nanos);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // case,                        lagMs, latMs, sent, waited, notSent, ioBusy, stallMs/1s, limited, reason
        "healthy,                        0.05,   1.5, 1000,      0,       0,   0.30,    1, false, ''",
        "lag below the 1 ms floor,        0.9,   1.0, 1000,      0,       0,   0.30,    1, false, ''",
        "lag 10 % of latency,             2.0,  20.0, 1000,      0,       0,   0.30,    1, false, ''",
        "lag a quarter of latency,        5.0,  20.0, 1000,      0,       0,   0.30,    1, true, send lag",
        "lag is the latency,            480.0, 500.0, 1000,      0,       0,   0.30,    1, true, send lag",
        "shortfall behind busy target,    0.1, 900.0, 1000,    900,     500,   0.10,    1, true, every connection was busy",
        "shortfall with free connections, 0.1,   1.0, 1000,    100,     500,   0.10,    1, true, not sent",
        "shortfall of a busy generator,   0.1,   1.0, 1000,   1000,     500,   0.60,    1, true, not sent",
        "shortfall of a starved generator,0.1,   1.0, 1000,   1000,     500,   0.20,   25, true, not sent",
        "stalled 2.5 % of the time,       0.1,   1.0, 1000,      0,       0,   0.20,   25, true, stalled",
        "stalled 0.5 % of the time,       0.1,   1.0, 1000,      0,       0,   0.20,    5, false, ''",
        "saturated I/O thread,            0.1,   1.0, 1000,      0,       0,   0.95,    1, true, busy",
        "unknown CPU,                     0.1,   1.0, 1000,      0,       0,  -1.00,    1, false, ''",
    })
    void judges(String name, double lagMillis, double latencyMillis, long sent, long waited,
            long notSent, double ioBusy, long stallMillis, boolean limited, String reasonPart) {
        HealthVerdict.Verdict verdict = HealthVerdict.judge(new HealthVerdict.Inputs(
                p99(lagMillis), p99(latencyMillis), p99(0), sent, waited, notSent, ioBusy,
                stallMillis * 1_000_000L, 1.0, 2, 1000.0, 1.0));
        assertThat(verdict.limited()).isEqualTo(limited);
        if (limited) {
            assertThat(verdict.reason()).contains(reasonPart);
            assertThat(verdict.advice()).startsWith("use ").contains("shards");
            assertThat(verdict.causes()).isNotEmpty();
        } else {
            assertThat(verdict.reason()).isEmpty();
            assertThat(verdict.advice()).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void aShortfallNamesWhetherTheConnectionsOrTheGeneratorHeldItBack() {
        HealthVerdict.Verdict target = HealthVerdict.judge(new HealthVerdict.Inputs(p99(0.1),
                p99(900), p99(0), 1000, 900, 500, 0.1, 0, 0.2, 2, 1000.0, 1.0));
        assertThat(target.causes()).containsExactly(LimitCause.CONNECTIONS);
        assertThat(target.advice()).contains("more --connections");
        HealthVerdict.Verdict busy = HealthVerdict.judge(new HealthVerdict.Inputs(p99(0.1),
                p99(900), p99(0), 1000, 900, 500, 0.95, 0, 1.0, 2, 1000.0, 1.0));
        assertThat(busy.causes()).containsExactlyInAnyOrder(LimitCause.CPU, LimitCause.SHORTFALL);
    }

    @ParameterizedTest
    @CsvSource({"0.95, more cores (it had 2)", "0.30, a lower --rate or fewer --connections"})
    void theWarningNamesTheCauseAndWhatToDo(double ioBusy, String advicePart) {
        double lag = ioBusy > 0.9 ? 0.1 : 10.0;
        HealthVerdict.Verdict verdict = HealthVerdict.judge(new HealthVerdict.Inputs(
                p99(lag), p99(12.0), p99(0), 1000, 0, 0, ioBusy, 0, 1.9, 2, 20_000.0, 1.0));
        GeneratorHealth health = new GeneratorHealth(io.apitune.metrics.Histograms.newHistogram(),
                0, 0, 1.9, ioBusy, 2, 2, 0.5, 0, 2.0, 0, 1000, 0, 0, verdict.causes(), verdict.reason(),
                verdict.advice());
        assertThat(io.apitune.report.model.GeneratorInfo.of(health).warning()).startsWith("WARNING: the load generator limited this run: ")
                .contains(advicePart).endsWith(".").doesNotContain("\n");
    }
}
