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

    private static Results typed(ObjectNode results) {
        try {
            return Reports.MAPPER.treeToValue(results, Results.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
