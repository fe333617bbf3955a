package io.apitune.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** What a comparison produced: the two run names, the deltas of B against A, the page. */
    public record Result(String nameA, String nameB, List<Comparison.Delta> deltas, Path html) {
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
     * @throws io.apitune.ApituneException exit 2 when A or B holds no valid report.json
     */
    public static Result write(Path a, Path b, Path out) {
        JsonNode docA = ReportFiles.readReport(a.resolve(ReportFiles.REPORT_JSON));
        JsonNode docB = ReportFiles.readReport(b.resolve(ReportFiles.REPORT_JSON));
        Path absOut = out.toAbsolutePath().normalize();
        ObjectNode combined = JsonNodeFactory.instance.objectNode();
        combined.put("schemaVersion", 1).put("kind", "compare");
        String nameA = RunData.of(docA, null).name();
        String nameB = RunData.of(docB, null).name();
        combined.put("runId", RUN_ID_TIME.format(Instant.now()) + "-compare");
        combined.put("name", nameA + " vs " + nameB);
        ArrayNode runs = combined.putArray("runs");
        runs.add(withDir(docA, absOut, a));
        runs.add(withDir(docB, absOut, b));
        combined.putArray("gates");
        combined.putObject("files").put("html", ReportFiles.REPORT_HTML);
        ReportFiles.writeJson(absOut.resolve(ReportFiles.REPORT_JSON), combined);
        Path html = HtmlReport.write(absOut);
        return new Result(nameA, nameB, Comparison.latencyDeltas(docA, docB), html);
    }

    private static ObjectNode withDir(JsonNode doc, Path out, Path runDir) {
        ObjectNode copy = doc.deepCopy();
        Path abs = runDir.toAbsolutePath().normalize();
        copy.put("dir", out.relativize(abs).toString());
        return copy;
    }
}
