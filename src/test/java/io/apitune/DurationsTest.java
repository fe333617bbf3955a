package io.apitune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {
    @ParameterizedTest
    @CsvSource({"0,0", "250us,250000", "20ms,20000000", "1.5s,1500000000", "2m,120000000000",
        "1h,3600000000000", "7ns,7", "20 ms,20000000", "20MS,20000000"})
    void parsesUnits(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource({"fast", "20", "-5ms", "ms", "1.s", "''"})
    void rejectsNonDurationsNamingTheValue(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"9999999999h", "100001h", "99999999999999999999999s", "6000001m"})
    void rejectsWhatWouldOverflowInsteadOfClamping(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is longer than 100000h, the longest duration apitune accepts");
    }

    @Test
    void theLongestDurationIsAccepted() {
        assertThat(Durations.parse("100000h")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("6000000m")).isEqualTo(Durations.MAX);
    }

    @Test
    void formatIsShortestAndRoundTrips() {
        for (String text : new String[] {"20ms", "1.5s", "250us", "2m", "1h", "7ns", "0"}) {
            assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
        }
    }
}
