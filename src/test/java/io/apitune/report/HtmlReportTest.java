package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.ApituneException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    private static final String EVIL = "<script>alert('pwned')</script>";
    private static final long START_MS = 1_795_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void runPageHasEveryChartWithContentAndTheTables() throws IOException {
        Path dir = tmp.resolve("run");
        ReportFixtures.writeRun(dir, "cached", 1, 2.0, 8, 400, 4, START_MS);

        Path html = HtmlReport.write(dir);

        assertThat(html).isEqualTo(dir.resolve("report.html"));
        String page = Files.readString(html);
        for (String chart : new String[] {"spectrum", "latency-over-time", "throughput-over-time", "errors-over-time"}) {
            assertThat(chartSvg(page, chart)).as(chart).contains("<path class=\"series\"");
        }
        assertThat(page).contains("Percentiles", "Configuration", "Environment", "zipf:1.1", "fixture-host");
        assertThat(page).contains(">99.999%<", ">p99.99<", "status5xx", "timeout");
        assertThat(chartSvg(page, "latency-over-time")).contains("<title>p99</title>", "<title>max</title>");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "latency.hlog", "report.html");
        }
    }

    @Test
    void pageIsSelfContained() throws IOException {
        Path dir = tmp.resolve("run");
        ReportFixtures.writeRun(dir, "async", 2, 1.0, 3, 100, -1, START_MS);

        String page = Files.readString(HtmlReport.write(dir));

        assertThat(page).doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)\\b|\\s(src|href)=\"|@import|url\\(");
        assertThat(page.replace("http://www.w3.org/2000/svg", "").replace("http://127.0.0.1:41234", ""))
                .doesNotContain("http://", "https://");
    }

    @Test
    void userSuppliedStringsStayInertText() throws IOException {
        Path dir = tmp.resolve("evil");
        ReportFixtures.writeRun(dir, EVIL, 3, 1.0, 2, 50, -1, START_MS);

        String page = Files.readString(HtmlReport.write(dir));

        assertThat(page).doesNotContain(EVIL).doesNotContain("<script").doesNotContain("<img src=x");
        assertThat(page).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;");
        assertThat(page).contains("X-Evil: &lt;img src=x onerror=alert(1)&gt;", "?q=&lt;b&gt;&amp;x=1");
    }

    @Test
    void comparisonOverlaysRunsFoundThroughTheirDirField() throws IOException {
        Path combined = tmp.resolve("cmp");
        var a = ReportFixtures.writeRun(combined.resolve("runs/blocking"), "blocking", 4, 8.0, 4, 200, 2, START_MS);
        var b = ReportFixtures.writeRun(tmp.resolve("async"), "async", 5, 2.0, 4, 200, -1, START_MS);
        ObjectNode doc = combined("compare", "blocking vs async");
        ArrayNode runs = doc.putArray("runs");
        runs.add(((ObjectNode) ReportFixtures.readJson(a.dir().resolve("report.json"))).put("dir", "runs/blocking"));
        runs.add(ReportFixtures.readJson(b.dir().resolve("report.json"))); // found as a sibling named by "name"
        doc.putArray("gates").addObject().put("gate", EVIL).put("measured", 30.5).put("limit", 25.0)
                .put("unit", "ms").put("passed", false);
        ReportFixtures.writeJson(combined.resolve("report.json"), doc);

        String page = Files.readString(HtmlReport.write(combined));

        String overTime = chartSvg(page, "latency-over-time");
        assertThat(overTime).contains("<title>blocking p99</title>", "<title>async p99</title>");
        assertThat(chartSvg(page, "spectrum")).contains("<title>blocking latency</title>",
                "<title>async service time</title>");
        assertThat(page).contains("Latency deltas (async vs blocking)", "class=\"failed\"", "&lt;script&gt;");
        assertThat(page).doesNotContain("Some runs have no latency.hlog");
    }

    @Test
    void aVersion2RunDrawsFailuresApartTheBoundAndNoCollapseAtTheEnd() throws IOException {
        Path dir = ReportFixtures.writeV2Run(tmp.resolve("blocking"), "blocking", 8, 300, 4, 370, 5000, 2.0,
                400, START_MS);

        String page = Files.readString(HtmlReport.write(dir));

        String spectrum = chartSvg(page, "spectrum");
        assertThat(spectrum).contains("<title>latency OK</title>", "<title>service time OK</title>",
                "<title>failures KO</title>", "stroke-dasharray=\"1 5\"");
        String throughput = chartSvg(page, "throughput-over-time");
        assertThat(throughput).contains("<title>goodput</title>", "<title>request rate</title>",
                "<g class=\"ref\">", "bound 400/s (8 workers / 20 ms)");
        // four full intervals; the 0.3 s drain after the last intended send is not drawn
        assertThat(seriesPoints(throughput, "goodput")).hasSize(4);
        assertThat(seriesPoints(chartSvg(page, "errors-over-time"), "status5xx")).hasSize(4);
        assertThat(page).contains("of the theory bound 400/s (8 workers / 20 ms)", "<h2>Theory</h2>",
                "theory.formula", "W / L");
    }

    @Test
    void aComparisonPageOpensWithTheVerdictAndTheSentences() throws IOException {
        Path dir = tmp.resolve("techniques");
        ReportFixtures.writeV2Run(dir.resolve("blocking"), "blocking", 9, 300, 3, 372, 30_000, 1.0, 400, START_MS);
        ReportFixtures.writeV2Run(dir.resolve("async"), "async", 10, 20.6, 3, 12_400, 0, 1.0, Double.NaN, START_MS);
        ObjectNode doc = combined("compare", "techniques").put("schemaVersion", 2);
        ArrayNode runs = doc.putArray("runs");
        for (String run : new String[] {"blocking", "async"}) {
            runs.add(ReportFixtures.readJson(dir.resolve(run).resolve("report.json")).put("dir", run));
        }
        doc.putArray("findings").add("async served 33.3× the goodput of blocking <b>at equal connections</b>.");
        doc.putArray("gates").addObject().put("gate", "async.throughput >= 10 * blocking.throughput")
                .put("passed", true);
        ReportFixtures.writeJson(dir.resolve("report.json"), doc);

        String page = Files.readString(HtmlReport.write(dir));

        int verdict = page.indexOf("<h2>Verdict</h2>");
        int firstChart = page.indexOf("<svg class=\"chart\"");
        assertThat(verdict).isPositive().isLessThan(firstChart);
        assertThat(page.indexOf("<h2>Gates</h2>")).isGreaterThan(firstChart);
        String top = page.substring(verdict, firstChart);
        assertThat(top).contains("<th>blocking</th>", "<th>async</th>", "of theory",
                "of 400/s (8 workers / 20 ms)", "Gates: 1 passed, 0 did not",
                "<li>async served 33.3× the goodput of blocking &lt;b&gt;at equal connections&lt;/b&gt;.</li>");
        assertThat(top.split("<tr>", -1)).as("a header and one row per run").hasSize(4);
        assertThat(chartSvg(page, "spectrum")).contains("<title>blocking failures KO</title>")
                .doesNotContain("<title>async failures KO</title>");
        assertThat(chartSvg(page, "throughput-over-time")).contains("<title>blocking goodput</title>",
                "<title>blocking request rate</title>", "<title>async goodput</title>", "blocking bound 400/s")
                .doesNotContain("async request rate", "async bound");
    }

    @Test
    void capacityPageDrawsRateAgainstLatencyWithTheSloLine() throws IOException {
        Path dir = tmp.resolve("capacity");
        Files.createDirectories(dir);
        ObjectNode doc = combined("capacity", "capacity of async");
        doc.put("slo", "p99 < 25ms");
        ArrayNode steps = doc.putArray("steps");
        double[][] values = {{400, 1.6, 9.0}, {100, 1.1, 3.0}, {800, 3.5, 31.0}, {200, 1.2, 4.1}};
        for (double[] v : values) {
            steps.addObject().put("rate", v[0]).put("p50", v[1]).put("p99", v[2]).put("errorRate", 0.0)
                    .put("passed", v[2] < 25);
        }
        doc.putObject("answer").put("rate", 400.0);
        ArrayNode runs = doc.putArray("runs");
        for (int i = 1; i <= 2; i++) {
            var step = ReportFixtures.writeRun(dir.resolve("step0" + i), "step0" + i, i, 1.0, 2, 50, -1, START_MS);
            ObjectNode run = (ObjectNode) ReportFixtures.readJson(step.dir().resolve("report.json"));
            ((ObjectNode) run.path("config")).put("rate", 400.0 * i);
            runs.add(run.put("dir", "step0" + i));
        }
        ReportFixtures.writeJson(dir.resolve("report.json"), doc);

        String page = Files.readString(HtmlReport.write(dir));

        String chart = chartSvg(page, "capacity");
        String p50 = chart.replaceAll("(?s).*<path class=\"series\" d=\"([^\"]*)\" stroke=\"[^\"]*\"><title>p50</title>.*", "$1");
        double previousX = -1;
        for (String point : p50.split("[ML]")) {
            if (!point.isBlank()) {
                double x = Double.parseDouble(point.trim().split(" ")[0]);
                assertThat(x).as("capacity steps drawn in rate order").isGreaterThan(previousX);
                previousX = x;
            }
        }
        assertThat(chartSvg(page, "spectrum")).contains("step01 @ 400/s latency", "step02 @ 800/s latency");
        assertThat(chart).contains("<g class=\"ref\">", "SLO p99 &lt; 25ms", "<title>p99</title>", "<title>p50</title>");
        assertThat(chart.split("<circle", -1)).hasSize(1 + 2 * values.length);
        assertThat(page).contains("400/s", "highest rate meeting the SLO", "class=\"failed\"");
    }

    @Test
    void runsWithoutHlogFallBackToTheJsonPercentiles() throws IOException {
        var a = ReportFixtures.writeRun(tmp.resolve("elsewhere/a"), "a", 6, 2.0, 2, 50, -1, START_MS);
        Path dir = tmp.resolve("scenario");
        ObjectNode doc = combined("scenario", "smoke");
        doc.putArray("runs").add(ReportFixtures.readJson(a.dir().resolve("report.json")));
        ReportFixtures.writeJson(dir.resolve("report.json"), doc);

        String page = Files.readString(HtmlReport.write(dir));

        assertThat(chartSvg(page, "spectrum")).contains("<path class=\"series\"");
        assertThat(chartSvg(page, "latency-over-time")).contains("no data");
        assertThat(page).contains("Some runs have no latency.hlog");
    }

    @Test
    void htmlFileNameCannotEscapeTheDirectory() throws IOException {
        Path dir = tmp.resolve("a/b");
        ReportFixtures.writeRun(dir, "x", 7, 1.0, 2, 20, -1, START_MS);
        ObjectNode doc = (ObjectNode) ReportFixtures.readJson(dir.resolve("report.json"));
        ((ObjectNode) doc.path("files")).put("html", "../../escaped.html");
        ReportFixtures.writeJson(dir.resolve("report.json"), doc);

        assertThat(HtmlReport.write(dir)).isEqualTo(dir.resolve("escaped.html"));
        assertThat(tmp.resolve("escaped.html")).doesNotExist();
    }

    @Test
    void missingOrInvalidReportIsInvalidInput() throws IOException {
        assertThatThrownBy(() -> HtmlReport.write(tmp.resolve("nope")))
                .isInstanceOf(ApituneException.class).hasMessageContaining("no such report")
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
        Files.writeString(tmp.resolve("report.json"), "{\"schemaVersion\": 9}");
        assertThatThrownBy(() -> HtmlReport.write(tmp)).hasMessageContaining("schemaVersion 9");
        Files.writeString(tmp.resolve("report.json"), "{\"schemaVersion\": 1, \"kind\": \"weird\"}");
        assertThatThrownBy(() -> HtmlReport.write(tmp)).hasMessageContaining("unknown kind 'weird'");
        assertThat(tmp.resolve("report.html")).doesNotExist();
    }

    static ObjectNode combined(String kind, String name) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("schemaVersion", 1).put("kind", kind).put("runId", "20261127-020000-" + kind).put("name", name);
        return doc;
    }

    /** The points ({@code x y}) of the series titled {@code title} in a chart's SVG. */
    static java.util.List<String> seriesPoints(String svg, String title) {
        Matcher m = Pattern.compile("<path class=\"series\" d=\"([^\"]*)\"[^>]*><title>" + Pattern.quote(title)
                + "</title>").matcher(svg);
        assertThat(m.find()).as("series " + title).isTrue();
        return java.util.Arrays.stream(m.group(1).split("[ML]")).map(String::trim).filter(p -> !p.isEmpty())
                .toList();
    }

    /** The SVG of one chart, by its data-chart attribute. */
    static String chartSvg(String page, String chart) {
        Matcher m = Pattern.compile("<svg class=\"chart\" data-chart=\"" + chart + "\".*?</svg>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("chart " + chart + " present").isTrue();
        return m.group();
    }
}
