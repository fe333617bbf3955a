package io.apitune.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.apitune.Version;
import io.apitune.report.model.CapacityAnswer;
import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.LatencySummary;
import io.apitune.report.model.ReportDocument;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;
import io.apitune.report.model.TheoryInfo;

/**
 * Writes {@code report.html} next to a {@code report.json}: a single self-contained page with
 * inline SVG charts (no script, no network). A run ({@code kind} = run) is drawn from its
 * {@code latency.hlog}; a combined document (scenario / compare / capacity) overlays its runs on
 * the same axes, each run's hlog found as described in docs/report-schema.md. A scenario or
 * comparison page opens with the verdict table and compare's sentences, then the charts.
 *
 * <p>Stateless; thread-safe: concurrent calls for different directories are independent.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /**
     * Reads {@code dir/report.json} (and the hlogs it refers to) and writes {@code dir/report.html}
     * atomically.
     *
     * @return the written file
     * @throws ApituneException exit 2 when the directory holds no valid report; exit 3 when the
     *                          page cannot be written
     */
    public static Path write(Path dir) {
        ReportDocument doc = Reports.read(Reports.file(dir));
        String html = doc instanceof RunReport run ? runPage(RunData.of(run, dir))
                : combinedPage((CombinedReport) doc, runs((CombinedReport) doc, dir));
        // only a file name: a report.json must not make us write outside its directory
        Path target = dir.resolve(Path.of(doc.fileNames().htmlOrDefault()).getFileName().toString());
        AtomicFiles.write(target, html);
        return target;
    }

    /** The runs of a combined document with their hlogs, located per docs/report-schema.md. */
    static List<RunData> runs(CombinedReport doc, Path dir) {
        List<RunData> runs = new ArrayList<>();
        boolean capacity = CombinedReport.CAPACITY.equals(doc.kind());
        for (RunReport run : doc.runs()) {
            RunData data = RunData.of(run, runDir(run, dir));
            Double rate = run.config() == null ? null : run.config().rate();
            runs.add(capacity && rate != null ? data.withName(data.name() + " @ " + Html.num(rate) + "/s")
                    : data);
        }
        return runs;
    }

    /** {@code dir} (relative to the combined report), else a subdirectory or sibling named by runId or name. */
    private static Path runDir(RunReport run, Path combinedDir) {
        List<Path> candidates = new ArrayList<>();
        if (run.dir() != null) {
            candidates.add(combinedDir.resolve(run.dir()));
        }
        for (String value : new String[] {run.runId(), run.name()}) {
            if (value != null && !value.isEmpty() && !value.contains("/") && !value.contains("\\")
                    && !value.startsWith(".")) {
                candidates.add(combinedDir.resolve(value));
                candidates.add(combinedDir.resolveSibling(value));
            }
        }
        String hlog = run.fileNames().hlogOrDefault();
        return candidates.stream().filter(c -> Files.isRegularFile(c.resolve(hlog))).findFirst().orElse(null);
    }

    private static String runPage(RunData run) {
        RunReport doc = run.doc();
        Results r = run.results();
        LatencySummary latency = r.latency();
        HtmlPage page = new HtmlPage("apitune · " + run.name());
        page.header("run", run.name(), meta(doc.runId(), doc.target() == null ? null : doc.target().url(),
                doc.startTime(), doc.endTime(), r.durationSeconds()), doc.interrupted());
        List<String> cards = new ArrayList<>(List.of(Html.num(r.throughput()) + "/s", "goodput (OK answers)"
                + (r.targetRate() != null ? " (target " + Html.num(r.targetRate()) + "/s)" : ""),
                Long.toString(r.requests()), "requests",
                Html.fmt("%.2f%%", r.errorRate() * 100), "errors",
                ms(latency, "p50"), "p50 latency",
                ms(latency, "p99"), "p99 latency",
                ms(latency, "p99.9"), "p99.9 latency",
                ms(latency, "max"), "max latency"));
        cards.addAll(theoryCard(doc.theory()));
        page.cards(cards.toArray(String[]::new));
        List<RunData> one = List.of(run);
        charts(page, one, run.hlog() == null);
        page.section("Percentiles", Tables.percentiles(one), null);
        requests(page, one);
        theorySection(page, one);
        if (doc.hasRounds()) {
            page.section("Rounds", Tables.rounds(doc), "Measured in " + doc.rounds().size()
                    + " interleaved rounds; the figures above are all rounds merged (histograms added).");
        }
        page.section("Configuration", Tables.keyValues(one, "target", "config"), null);
        page.section("Environment", Tables.keyValues(one, "environment"), null);
        return page.render(footer());
    }

    private static String combinedPage(CombinedReport doc, List<RunData> runs) {
        String kind = doc.kind();
        String name = doc.name() != null ? doc.name() : doc.runId() != null ? doc.runId() : kind;
        HtmlPage page = new HtmlPage("apitune · " + kind + " · " + name);
        page.header(kind, name, meta(doc.runId(), null, doc.startTime(), doc.endTime(), Double.NaN),
                doc.isInterrupted());
        answerCard(page, doc);
        boolean capacity = doc.steps() != null && !doc.steps().isEmpty();
        if (!capacity && !runs.isEmpty()) {
            page.section("Verdict", Verdict.table(runs, doc.modes()) + Verdict.findings(doc.findings()),
                    verdictNote(doc, runs));
        }
        if (capacity) {
            page.section("Capacity curve", CapacityChart.render(doc), null);
            page.section("Capacity steps", Tables.rows(doc.steps()), null);
        }
        if (!runs.isEmpty()) {
            charts(page, runs, runs.stream().anyMatch(r -> r.hlog() == null));
        }
        if (doc.gates() != null && !doc.gates().isEmpty()) {
            page.section("Gates", Tables.rows(doc.gates()), null);
        }
        if (runs.size() == 2) {
            page.section("Latency deltas (" + runs.get(1).name() + " vs " + runs.get(0).name() + ")",
                    Tables.deltas(runs.get(0).name(), runs.get(1).name(),
                            Comparison.deltas(runs.get(0).doc(), runs.get(1).doc())), null);
        }
        if (doc.ratios() != null && !doc.ratios().isEmpty()) {
            page.section("Ratios over rounds", Tables.rows(doc.ratios()), "Median of the per-round "
                    + "ratios and its 95% confidence interval (bootstrap over rounds); an interval that "
                    + "contains 1 means the two cannot be told apart.");
        }
        if (!runs.isEmpty()) {
            page.section("Percentiles", Tables.percentiles(runs), null);
            requests(page, runs);
            theorySection(page, runs);
            page.section("Configuration", Tables.keyValues(runs, "target", "config"), null);
            page.section("Environment", Tables.keyValues(List.of(runs.get(0)), "environment"), null);
        }
        return page.render(footer());
    }

    /** One row per request of each run's mix; no section when no run has a mix. */
    private static void requests(HtmlPage page, List<RunData> runs) {
        List<RequestRows.Row> rows = new ArrayList<>();
        runs.forEach(r -> rows.addAll(RequestRows.of(r.name(), r.results())));
        if (!rows.isEmpty()) {
            page.section("Requests", Tables.rows(rows), "Per request of the mix: share of the "
                    + "attempts, goodput, KO share with the checks that failed, OK latency (ms) from "
                    + "the intended send time.");
        }
    }

    /** What the verdict's columns mean, and how the gates went (their table is below the charts). */
    private static String verdictNote(CombinedReport doc, List<RunData> runs) {
        String note = "Goodput: OK answers per second. OK p50/p99: latency of OK answers from the "
                + "intended send time. KO: share of requests that failed. Of theory: goodput as a fraction "
                + "of the bound the reference server's configuration gives (report.json: theory).";
        if (runs.stream().anyMatch(RunData::version1)) {
            note += " A version-1 report's throughput and latency count failed requests too.";
        }
        if (doc.gates() != null && !doc.gates().isEmpty()) {
            long passed = doc.gates().stream().filter(g -> g.passed()).count();
            note += " Gates: " + passed + " passed, " + (doc.gates().size() - passed)
                    + " did not (table below the charts).";
        }
        return note;
    }

    /** The runs' theory blocks side by side, when any run has one. */
    private static void theorySection(HtmlPage page, List<RunData> runs) {
        if (runs.stream().anyMatch(r -> r.doc().theory() != null)) {
            page.section("Theory", Tables.keyValues(runs, "theory"), "The bound on goodput that "
                    + "Little's law gives for each mode's configuration and load: docs/report-schema.md.");
        }
    }

    /** A run against a reference-server mode: the fraction of its bound, or that it has none. */
    private static List<String> theoryCard(TheoryInfo theory) {
        if (theory == null) {
            return List.of();
        }
        if (theory.bounded()) {
            return List.of(Html.fmt("%.2f", theory.fraction()), "of the theory bound "
                    + Html.num(theory.boundPerSecond()) + "/s (" + theory.explanation() + ")");
        }
        return List.of(TheoryInfo.SERVER.equals(theory.limitedBy()) ? "no bound" : "unknown",
                "theory bound (see Theory)");
    }

    /** Capacity: the answer as a card ("none" when no rate met the SLO). */
    private static void answerCard(HtmlPage page, CombinedReport doc) {
        CapacityAnswer answer = doc.answer();
        if (answer == null) {
            return;
        }
        page.cards(answer.rate() != null ? Html.num(answer.rate()) + "/s" : "none",
                "highest rate meeting the SLO" + (answer.converged() ? "" : " (search did not converge)"));
    }

    private static void charts(HtmlPage page, List<RunData> runs, boolean missingHlog) {
        String note = missingHlog ? "Some runs have no latency.hlog: their spectrum is drawn from the "
                + "percentiles in report.json and their latency over time is missing." : null;
        page.section("Percentile spectrum", RunCharts.spectrum(runs),
                (note != null ? note + " " : "") + "Solid: latency of OK requests from the intended send "
                        + "time (coordinated-omission free). Dashed: their service time from the actual send. "
                        + "Dotted: failed requests (KO), from the intended send to the failure.");
        page.section("Latency over time", RunCharts.latencyOverTime(runs),
                "OK requests, per 1 s interval, from latency.hlog.");
        page.section("Throughput over time", RunCharts.throughputOverTime(runs), "Goodput (OK answers) "
                + "solid, every completed request dashed where some failed; the dotted line is the theory "
                + "bound. The end of a run, after its last intended send, is not drawn: only answers still "
                + "in flight arrive then.");
        page.section("Errors over time", RunCharts.errorsOverTime(runs), null);
    }

    private static String meta(String runId, String url, String start, String end, double seconds) {
        List<String> parts = new ArrayList<>();
        if (runId != null) {
            parts.add(runId);
        }
        if (url != null) {
            parts.add(url);
        }
        if (start != null) {
            parts.add(start + " → " + (end == null ? "?" : end));
        }
        if (Double.isFinite(seconds)) {
            parts.add(Html.num(seconds) + " s measured");
        }
        return String.join(" · ", parts);
    }

    private static String ms(LatencySummary summary, String key) {
        return summary == null ? "–" : summary.get(key).map(v -> Html.num(v) + " ms").orElse("–");
    }

    private static String footer() {
        return "Generated by apitune " + Version.get() + ". Latency in milliseconds; histograms record "
                + "nanoseconds (HdrHistogram).";
    }
}
