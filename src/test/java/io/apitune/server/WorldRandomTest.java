package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorldRandomTest {
    @Test
    void idsAndNewNumbersStayInRangeAndANewNumberNeverEqualsTheOld() {
        boolean sawTop = false;
        for (int i = 0; i < 200_000; i++) {
            int old = 1 + i % 10_000;
            int next = WorldRandom.numberOtherThan(old);
            assertThat(next).isBetween(1, 10_000).isNotEqualTo(old);
            sawTop |= next == 10_000;
            assertThat(WorldRandom.id()).isBetween(1, 10_000);
        }
        assertThat(sawTop).as("10000 is reachable").isTrue();
    }
}
