package io.apitune.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import io.apitune.metrics.Histograms;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramCodecTest {
    @Test
    void aRoundsHistogramSurvivesReportJsonExactly() {
        Histogram h = Histograms.newHistogram();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 5000; i++) {
            h.recordValue(1_000 + random.nextLong(2_000_000_000L));
        }
        Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
        assertThat(back).isEqualTo(h);
        assertThat(back.getValueAtPercentile(99.9)).isEqualTo(h.getValueAtPercentile(99.9));
        assertThat(back.getLowestDiscernibleValue()).isEqualTo(Histograms.LOWEST_DISCERNIBLE_NANOS);
    }

    @Test
    void textThatIsNoHistogramIsRefusedClearly() {
        assertThatThrownBy(() -> HistogramCodec.decode("bm90IGEgaGlzdG9ncmFt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not an encoded histogram");
    }
}
