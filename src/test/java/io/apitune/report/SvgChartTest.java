package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.apitune.report.model.RunReport;
import org.junit.jupiter.api.Test;

class SvgChartTest {
    @Test
    void ticksAreNiceNumbersCoveringTheRange() {
        assertThat(Ticks.linear(0, 10)).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
        assertThat(Ticks.linear(0, 263)).containsExactly(0.0, 100.0, 200.0);
        assertThat(Ticks.niceCeiling(263)).isEqualTo(300.0);
        assertThat(Ticks.niceCeiling(0.0042)).isEqualTo(0.005);
        assertThat(Ticks.niceCeiling(0)).isEqualTo(1.0);
    }

    @Test
    void seriesBecomePathsInsideThePlotAndLabelsAreEscaped() {
        String svg = new SvgChart("t", "x <axis>", "y & co")
                .add(new SvgChart.Series("a<b>", "#123456", true, new double[] {0, 5, 10}, new double[] {0, 50, 100}))
                .render();

        assertThat(svg).contains("data-chart=\"t\"", "stroke-dasharray=\"6 4\"", "<title>a&lt;b&gt;</title>",
                "x &lt;axis&gt;", "y &amp; co").doesNotContain("<b>");
        String d = svg.replaceAll("(?s).*<path class=\"series\" d=\"([^\"]*)\".*", "$1");
        for (String coordinate : d.replaceAll("[ML]", " ").trim().split("\\s+")) {
            double v = Double.parseDouble(coordinate);
            assertThat(v).isBetween(0.0, (double) SvgChart.WIDTH);
        }
        assertThat(d).startsWith("M64.0 254.0");
    }

    @Test
    void emptyChartSaysSoAndSinglePointsGetAMarker() {
        assertThat(new SvgChart("e", "x", "y").render()).contains("no data").doesNotContain("class=\"series\"");
        String one = new SvgChart("o", "x", "y")
                .add(new SvgChart.Series("p", "#000", false, new double[] {1}, new double[] {2})).render();
        assertThat(one).contains("<circle").doesNotContain("no data");
    }

    @Test
    void htmlEscapingCoversTextAndAttributes() {
        assertThat(Html.esc("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.num(1234.56)).isEqualTo("1235");
        assertThat(Html.num(2.10)).isEqualTo("2.1");
        assertThat(Html.num(Double.NaN)).isEqualTo("–");
    }

    @Test
    void sloIsTheFirstDurationOfItsText() {
        assertThat(CapacityChart.sloMillis("p99 < 1.5s")).isEqualTo(1500.0);
        assertThat(CapacityChart.sloMillis("p99 < 250us, errors <= 0.1%")).isEqualTo(0.25);
        assertThat(CapacityChart.sloMillis("p99<30ms")).isEqualTo(30.0);
        assertThat(CapacityChart.sloMillis("throughput > 5/s")).isNaN();
        assertThat(CapacityChart.sloMillis(null)).isNaN();
    }

    @Test
    void deltasAreBAgainstA() {
        var a = JsonNodeFactory.instance.objectNode();
        a.putObject("results").putObject("latency").put("p50", 10.0).put("p99", 0.0);
        var b = JsonNodeFactory.instance.objectNode();
        b.putObject("results").putObject("latency").put("p50", 12.5).put("p99", 1.0);

        a.put("kind", "run");
        b.put("kind", "run");
        List<Comparison.Delta> deltas = Comparison.latencyDeltas(typed(a), typed(b));

        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0)).isEqualTo(new Comparison.Delta("p50", 10.0, 12.5, 2.5, 25.0));
        assertThat(deltas.get(1).deltaPercent()).isNaN();
        assertThat(Comparison.textTable("a", "b", deltas)).contains("+2.5", "+25.0%", "–");
    }

    private static RunReport typed(com.fasterxml.jackson.databind.node.ObjectNode doc) {
        try {
            return Reports.MAPPER.treeToValue(doc, RunReport.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
