package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.apitune.ApituneException;

class CapacitySearchTest {
    /** A synthetic server whose SLO holds exactly up to {@code capacity} requests per second. */
    private static CapacitySearch.Step<String> model(double capacity, double rate) {
        return new CapacitySearch.Step<>(rate, rate <= capacity, "rate " + rate);
    }

    @ParameterizedTest
    @ValueSource(doubles = {3, 57, 200, 199, 201, 950, 12_345})
    void convergesWithinToleranceBelowTheCapacity(double capacity) {
        CapacitySearch search = new CapacitySearch(100, 1_000_000, 0.05, 30);
        CapacitySearch.Result<String> result = search.search(rate -> model(capacity, rate));
        assertThat(result.converged()).isTrue();
        double answer = result.answer().orElseThrow();
        assertThat(answer).isLessThanOrEqualTo(capacity).isGreaterThanOrEqualTo(capacity / 1.05);
        assertThat(result.steps()).hasSizeLessThanOrEqualTo(20);
        assertThat(result.steps().get(0).ratePerSecond()).isEqualTo(100);
    }

    @Test
    void stepsDoubleThenBisect() {
        CapacitySearch.Result<String> result = new CapacitySearch(100, 10_000, 0.05, 20)
                .search(rate -> model(250, rate));
        assertThat(result.steps()).extracting(CapacitySearch.Step::ratePerSecond)
                .containsExactly(100.0, 200.0, 400.0, 300.0, 250.0, 275.0, 262.5);
        assertThat(result.answer().orElseThrow()).isEqualTo(250.0);
        assertThat(result.steps().get(2).detail()).isEqualTo("rate 400.0");
    }

    @Test
    void stopsAtTheStepBoundWithoutClaimingConvergence() {
        CapacitySearch.Result<String> result = new CapacitySearch(100, 10_000, 0.001, 5)
                .search(rate -> model(250, rate));
        assertThat(result.steps()).hasSize(5);
        assertThat(result.converged()).isFalse();
        assertThat(result.answer().orElseThrow()).isEqualTo(250.0);
    }

    @Test
    void reportsTheMaximumWhenEverythingPassesAndNothingWhenNothingDoes() {
        CapacitySearch.Result<String> high = new CapacitySearch(100, 300, 0.05, 20)
                .search(rate -> model(1e9, rate));
        assertThat(high.steps()).extracting(CapacitySearch.Step::ratePerSecond)
                .containsExactly(100.0, 200.0, 300.0);
        assertThat(high.answer().orElseThrow()).isEqualTo(300.0);
        CapacitySearch.Result<String> none = new CapacitySearch(8, 300, 0.05, 20)
                .search(rate -> model(0.5, rate));
        assertThat(none.answer()).isEmpty();
        assertThat(none.steps()).extracting(CapacitySearch.Step::ratePerSecond)
                .isEqualTo(List.of(8.0, 4.0, 2.0, 1.0));
    }

    @Test
    void rejectsBadSettingsNamingTheOption() {
        assertThatThrownBy(() -> new CapacitySearch(0, 10, 0.05, 10))
                .isInstanceOf(ApituneException.class).hasMessageStartingWith("--start-rate: 0.0");
        assertThatThrownBy(() -> new CapacitySearch(10, 5, 0.05, 10)).hasMessageStartingWith("--max-rate");
        assertThatThrownBy(() -> new CapacitySearch(10, 50, 1.5, 10)).hasMessageStartingWith("--tolerance");
        assertThatThrownBy(() -> new CapacitySearch(10, 50, 0.05, 1)).hasMessageStartingWith("--max-steps");
    }
}
