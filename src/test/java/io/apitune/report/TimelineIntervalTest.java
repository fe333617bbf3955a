package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.report.model.Results;
import org.junit.jupiter.api.Test;

class TimelineIntervalTest {
    @Test
    void ratesUseEachIntervalsOwnLengthAndDropSlivers() {
        ObjectNode results = JsonNodeFactory.instance.objectNode().put("durationSeconds", 2.519);
        var timeline = results.putArray("timeline");
        timeline.addObject().put("t", 0.0).put("requests", 150);
        timeline.addObject().put("t", 0.5).put("requests", 300);
        timeline.addObject().put("t", 1.5).put("requests", 300);
        timeline.addObject().put("t", 2.5).put("requests", 6);

        List<TimelineInterval> intervals = TimelineInterval.of(typed(results));

        assertThat(intervals).hasSize(3);
        assertThat(intervals.get(0).perSecond(150)).isEqualTo(300.0);
        assertThat(intervals.get(1).endSeconds()).isEqualTo(1.5);
        assertThat(intervals.get(2).perSecond(300)).isEqualTo(300.0);
    }

    @Test
    void withoutDurationTheLastIntervalCountsAsOneSecond() {
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        results.putArray("timeline").addObject().put("t", 0.0).put("requests", 42);

        assertThat(TimelineInterval.of(typed(results))).singleElement()
                .satisfies(i -> assertThat(i.perSecond(42)).isEqualTo(42.0));
    }

    @Test
    void theDrainAfterThePlannedDurationIsNotASteadyInterval() {
        ObjectNode results = JsonNodeFactory.instance.objectNode().put("durationSeconds", 3.354);
        var timeline = results.putArray("timeline");
        for (int t = 0; t < 3; t++) {
            timeline.addObject().put("t", t + (t == 2 ? 0.001 : 0.0)).put("requests", 20_000).put("ok", 400);
            // (interval starts are rounded to the ms and drift by one now and then)
        }
        timeline.addObject().put("t", 3.0).put("requests", 256).put("ok", 147);

        assertThat(TimelineInterval.of(typed(results))).hasSize(4);
        List<TimelineInterval> steady = TimelineInterval.steady(typed(results), 3.0);
        assertThat(steady).hasSize(3);
        assertThat(steady.get(2).endSeconds()).isEqualTo(3.0);
        // without a planned duration a last interval shorter than the others is the drain
        assertThat(TimelineInterval.steady(typed(results), null)).hasSize(3);
        // a run stopped early (Ctrl-C) keeps everything it measured, each at its own rate
        results.put("durationSeconds", 2.7);
        ((ObjectNode) timeline.get(3)).put("t", 2.4);
        assertThat(TimelineInterval.steady(typed(results), 8.0)).hasSize(4);
    }

    private static Results typed(ObjectNode results) {
        try {
            return Reports.MAPPER.treeToValue(results, Results.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
