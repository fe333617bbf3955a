package io.apitune.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.ModeRow;
import io.apitune.report.model.Results;
import io.apitune.report.model.TheoryInfo;

/**
 * The top of a comparison page: the verdict table, one row per run (goodput, OK p50 and p99, KO
 * share, cache hit ratio, fraction of its theory bound, whether the generator limited it), and
 * compare's sentences under it. Every cell is escaped.
 *
 * <p>Stateless; thread-safe.
 */
final class Verdict {

    private Verdict() {
    }

    /**
     * @param modes compare's rows (their cache hit ratios serve runs without a theory block), or
     *              null
     */
    static String table(List<RunData> runs, List<ModeRow> modes) {
        Map<String, Double> hitRatios = new HashMap<>();
        if (modes != null) {
            modes.stream().filter(m -> m.cacheHitRatio() != null)
                    .forEach(m -> hitRatios.put(m.name(), m.cacheHitRatio()));
        }
        StringBuilder html = new StringBuilder("<table class=\"rows verdict\"><thead><tr><th>run</th>"
                + "<th>goodput</th><th>OK p50</th><th>OK p99</th><th>KO</th><th>cache hit</th>"
                + "<th>of theory</th><th>limited</th></tr></thead><tbody>");
        for (RunData run : runs) {
            Results r = run.results();
            TheoryInfo theory = run.doc().theory();
            Double hits = theory != null && theory.inputs() != null && theory.inputs().cacheHitRatio() != null
                    ? theory.inputs().cacheHitRatio() : hitRatios.get(run.name());
            html.append("<tr><th>").append(Html.esc(run.name())).append("</th><td>")
                    .append(Html.esc(Html.num(r.throughput()) + "/s"))
                    .append(run.version1() ? " <span class=\"muted\">(v1: every answer)</span>" : "")
                    .append("</td><td>").append(ms(r.latency(), "p50")).append("</td><td>")
                    .append(ms(r.latency(), "p99")).append("</td><td>")
                    .append(Html.esc(Html.fmt("%.2f%%", r.errorRate() * 100))).append("</td><td>")
                    .append(hits == null ? Html.MISSING : Html.esc(Html.fmt("%.2f%%", hits * 100)))
                    .append("</td><td>").append(theory(theory)).append("</td><td>")
                    .append(r.limited() ? "<span class=\"fail\">LIMITED</span>" : "no").append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** {@code 0.91} of {@code 400/s (8 workers / 20 ms)}; {@code server} with its note as a tooltip. */
    private static String theory(TheoryInfo t) {
        if (t == null) {
            return Html.MISSING;
        }
        if (!t.bounded()) {
            String text = TheoryInfo.SERVER.equals(t.limitedBy()) ? "no bound: the server itself" : "unknown";
            return "<span title=\"" + Html.esc(t.note()) + "\">" + Html.esc(text) + "</span>";
        }
        return "<b>" + Html.esc(Html.fmt("%.2f", t.fraction())) + "</b> <span class=\"muted\">of "
                + Html.esc(Html.num(t.boundPerSecond()) + "/s (" + t.explanation() + ")") + "</span>";
    }

    private static String ms(LatencySummary summary, String key) {
        return summary == null ? Html.MISSING
                : summary.get(key).map(v -> Html.esc(Html.num(v) + " ms")).orElse(Html.MISSING);
    }

    /** Compare's sentences as a list, or empty when there are none. */
    static String findings(List<String> sentences) {
        if (sentences == null || sentences.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ul class=\"findings\">");
        sentences.forEach(s -> html.append("<li>").append(Html.esc(s)).append("</li>"));
        return html.append("</ul>").toString();
    }
}
