package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The branch-free phase choice agrees with the plain comparison, across nanoTime's range. */
class DriverPhaseTest {
    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, -1L, 123_456_789L, -987_654_321_000L, Long.MAX_VALUE / 2,
        Long.MIN_VALUE / 2})
    void measuredFromTheStartOnward(long startNanos) {
        assertThat(Driver.phase(startNanos - 1, startNanos)).isEqualTo(Driver.WARMUP);
        assertThat(Driver.phase(startNanos - 1_000_000_000L, startNanos)).isEqualTo(Driver.WARMUP);
        assertThat(Driver.phase(startNanos, startNanos)).isEqualTo(Driver.MEASURED);
        assertThat(Driver.phase(startNanos + 1, startNanos)).isEqualTo(Driver.MEASURED);
        assertThat(Driver.phase(startNanos + 3_600_000_000_000L, startNanos)).isEqualTo(Driver.MEASURED);
    }
}
