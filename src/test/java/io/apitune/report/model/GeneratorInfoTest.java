package io.apitune.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GeneratorInfoTest {

    private static GeneratorInfo round(boolean limited, double stalledMillis, String reason) {
        return new GeneratorInfo(null, 1L, 1L, 0.5, 0.5, 2, 1, 1.0, stalledMillis, 1.0, 0L, 100L,
                0L, 0L, limited, limited ? List.of("stalls") : List.of(), limited ? reason : "",
                limited ? "use more cores" : "");
    }

    @Test
    void roundsCombineIntoOneReasonNamingHowManyAndTheWorst() {
        GeneratorInfo combined = GeneratorInfo.combine(List.of(round(true, 300, "stalled 30 %"),
                round(false, 0, ""), round(true, 900, "stalled 90 %")), null);
        assertThat(combined.limited()).isTrue();
        assertThat(combined.reason()).isEqualTo("in 2 of 3 measurements; the worst: stalled 90 %");
        assertThat(combined.advice()).isEqualTo("use more cores");
        assertThat(combined.stalledMillis()).isEqualTo(1200.0);
    }

    @Test
    void oneLimitedRoundKeepsItsReasonAndNoneGivesNone() {
        assertThat(GeneratorInfo.combine(List.of(round(false, 0, ""), round(true, 300, "stalled 30 %")),
                null).reason()).isEqualTo("stalled 30 %");
        GeneratorInfo clean = GeneratorInfo.combine(List.of(round(false, 0, ""), round(false, 1, "")), null);
        assertThat(clean.limited()).isFalse();
        assertThat(clean.reason()).isEmpty();
    }
}
