package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueriesTest {
    @Test
    void missingNonNumericOrBelowOneGivesOne() {
        assertThat(Queries.parse(null)).isEqualTo(1);
        assertThat(Queries.parse("")).isEqualTo(1);
        assertThat(Queries.parse("abc")).isEqualTo(1);
        assertThat(Queries.parse("1.5")).isEqualTo(1);
        assertThat(Queries.parse("0")).isEqualTo(1);
        assertThat(Queries.parse("-7")).isEqualTo(1);
    }

    @Test
    void inRangeIsKeptAndAboveFiveHundredIsCapped() {
        assertThat(Queries.parse("1")).isEqualTo(1);
        assertThat(Queries.parse("20")).isEqualTo(20);
        assertThat(Queries.parse(" 42 ")).isEqualTo(42);
        assertThat(Queries.parse("500")).isEqualTo(500);
        assertThat(Queries.parse("501")).isEqualTo(500);
        assertThat(Queries.parse("99999999999999999999")).isEqualTo(500);
    }
}
