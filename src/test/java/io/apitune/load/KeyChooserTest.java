package io.apitune.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apitune.ApituneException;
import io.apitune.load.LoadConfig.KeySpace;
import org.junit.jupiter.api.Test;

/** Key distributions: range, uniform spread, zipf skew against its exact weights. */
class KeyChooserTest {
    @Test
    void uniformCoversTheRangeEvenly() {
        KeyChooser chooser = new KeyChooser(new KeySpace(10, KeySpace.Distribution.UNIFORM, 0), Shard.WHOLE);
        int[] counts = new int[11];
        for (int i = 0; i < 100_000; i++) {
            long k = chooser.next();
            assertThat(k).isBetween(1L, 10L);
            counts[(int) k]++;
        }
        for (int k = 1; k <= 10; k++) {
            assertThat(counts[k]).isBetween(9_400, 10_600);
        }
    }

    @Test
    void zipfMatchesItsWeights() {
        // s = 1 over 100 keys: P(1) = 1 / H(100) = 1 / 5.187 = 0.193; P(2) = P(1) / 2.
        KeyChooser chooser = new KeyChooser(new KeySpace(100, KeySpace.Distribution.ZIPF, 1.0), Shard.WHOLE);
        int n = 200_000;
        int ones = 0;
        int twos = 0;
        for (int i = 0; i < n; i++) {
            long k = chooser.next();
            assertThat(k).isBetween(1L, 100L);
            ones += k == 1 ? 1 : 0;
            twos += k == 2 ? 1 : 0;
        }
        assertThat(ones / (double) n).isBetween(0.185, 0.201);
        assertThat(ones / (double) twos).isBetween(1.9, 2.1);
    }

    @Test
    void zipfRefusesMoreKeysThanItsTableHolds() {
        assertThatThrownBy(() -> new KeyChooser(new KeySpace(KeyChooser.MAX_ZIPF_KEYS + 1,
                KeySpace.Distribution.ZIPF, 1.0), Shard.WHOLE))
                .isInstanceOf(ApituneException.class).hasMessageContaining("--keys");
    }
}
