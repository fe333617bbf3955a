package io.apitune.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.apitune.report.model.CombinedReport;
import io.apitune.report.model.FileNames;
import io.apitune.report.model.RatioRow;
import io.apitune.report.model.RunReport;

/**
 * Compares two stored runs: writes a combined {@code report.json} ({@code kind} = compare, the two
 * run documents in {@code runs}, each with {@code dir} pointing back at its directory) and the
 * comparison {@code report.html}, and returns the latency deltas.
 *
 * <p>Stateless; thread-safe for different output directories.
 */
public final class CompareReport {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * What a comparison produced: the two run names, the deltas of B against A, the page, and
     * what a version-1 side's figures mean beside a version-2 one, and when both runs were measured
     * in rounds the ratios B / A with their intervals (else empty).
     */
    public record Result(String nameA, String nameB, List<Comparison.Delta> deltas, Path html,
            List<String> notes, List<RatioRow> ratios) {
    }

    private CompareReport() {
    }

    /** The default output directory: {@code compare-<A>-vs-<B>} next to A. */
    public static Path defaultOut(Path a, Path b) {
        Path absA = a.toAbsolutePath().normalize();
        Path absB = b.toAbsolutePath().normalize();
        String name = "compare-" + absA.getFileName() + "-vs-" + absB.getFileName();
        return absA.getParent() == null ? Path.of(name) : absA.getParent().resolve(name);
    }

    /**
     * @throws io.apitune.ApituneException exit 2 when A or B holds no valid run report, or
     *         {@code out} holds files already
     */
    public static Result write(Path a, Path b, Path out) {
        RunReport docA = Reports.readRun(Reports.file(a));
        RunReport docB = Reports.readRun(Reports.file(b));
        Path absOut = ReportDirectory.choose(out, "compare").toAbsolutePath().normalize();
        String nameA = RunData.of(docA, null).name();
        String nameB = RunData.of(docB, null).name();
        // stored runs are compared as independent sides, even two runs of one plan
        List<RatioRow> ratios = RoundRatios.of(docB, docA, RoundRatios.REPORT_METRICS, false);
        CombinedReport combined = new CombinedReport(Reports.SCHEMA_VERSION, CombinedReport.COMPARE,
                RUN_ID_TIME.format(Instant.now()) + "-compare", nameA + " vs " + nameB, null, null,
                List.of(docA.withDir(relative(absOut, a)), docB.withDir(relative(absOut, b))), null,
                null, null, null, null, null, List.of(), null, null, new FileNames(null, FileNames.HTML),
                null, ratios.isEmpty() ? null : ratios, null, null, null);
        Path html = AtomicFiles.writeDirectory(absOut, tmp -> {
            Reports.write(Reports.file(tmp), combined);
            HtmlReport.write(tmp);
        }).resolve(FileNames.HTML);
        List<String> notes = docA.schemaVersion() == docB.schemaVersion() ? List.of()
                : java.util.stream.Stream.of(Reports.versionNote(nameA, docA), Reports.versionNote(nameB, docB))
                        .flatMap(java.util.Optional::stream).toList();
        return new Result(nameA, nameB, Comparison.deltas(docA, docB), html, notes, ratios);
    }

    private static String relative(Path out, Path runDir) {
        return out.relativize(runDir.toAbsolutePath().normalize()).toString();
    }
}
