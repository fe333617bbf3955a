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

/**
 * Writes {@code report.html} next to a {@code report.json}: a single self-contained page with
 * inline SVG charts (no script, no network). A run ({@code kind} = run) is drawn from its
 * {@code latency.hlog}; a combined document (scenario / compare / capacity) overlays its runs on
 * the same axes, each run's hlog found as described in docs/report-schema.md.
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
        page.cards(Html.num(r.throughput()) + "/s", "goodput (OK answers)"
                + (r.targetRate() != null ? " (target " + Html.num(r.targetRate()) + "/s)" : ""),
                Long.toString(r.requests()), "requests",
                Html.fmt("%.2f%%", r.errorRate() * 100), "errors",
                ms(latency, "p50"), "p50 latency",
                ms(latency, "p99"), "p99 latency",
                ms(latency, "p99.9"), "p99.9 latency",
                ms(latency, "max"), "max latency");
        List<RunData> one = List.of(run);
        charts(page, one, run.hlog() == null);
        page.section("Percentiles", Tables.percentiles(one), null);
        requests(page, one);
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
        if (doc.gates() != null && !doc.gates().isEmpty()) {
            page.section("Gates", Tables.rows(doc.gates()), null);
        }
        if (runs.size() == 2) {
            page.section("Latency deltas (" + runs.get(1).name() + " vs " + runs.get(0).name() + ")",
                    Tables.deltas(runs.get(0).name(), runs.get(1).name(),
                            Comparison.deltas(runs.get(0).doc(), runs.get(1).doc())), null);
        }
        if (doc.steps() != null && !doc.steps().isEmpty()) {
            page.section("Capacity curve", CapacityChart.render(doc), null);
            page.section("Capacity steps", Tables.rows(doc.steps()), null);
        }
        if (doc.modes() != null && !doc.modes().isEmpty()) {
            page.section("Modes", Tables.rows(doc.modes()), null);
        }
        if (doc.ratios() != null && !doc.ratios().isEmpty()) {
            page.section("Ratios over rounds", Tables.rows(doc.ratios()), "Median of the per-round "
                    + "ratios and its 95% confidence interval (bootstrap over rounds); an interval that "
                    + "contains 1 means the two cannot be told apart.");
        }
        if (!runs.isEmpty()) {
            charts(page, runs, runs.stream().anyMatch(r -> r.hlog() == null));
            page.section("Percentiles", Tables.percentiles(runs), null);
            requests(page, runs);
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
                note != null ? note : "Solid: latency from the intended send time (coordinated-omission free). "
                        + "Dashed: service time from the actual send.");
        page.section("Latency over time", RunCharts.latencyOverTime(runs), "Per 1 s interval, from latency.hlog.");
        page.section("Throughput over time", RunCharts.throughputOverTime(runs), null);
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
