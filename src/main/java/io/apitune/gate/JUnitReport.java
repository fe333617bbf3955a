package io.apitune.gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.apitune.ApituneException;
import io.apitune.report.AtomicFiles;

/**
 * Writes gate results as JUnit XML (the Ant/Surefire {@code testsuite} format CI dashboards
 * read): one {@code testcase} per gate and run, a {@code failure} element for each failed gate.
 * Written to a temp file and renamed, so a crash never leaves half a file.
 *
 * <p>Stateless; thread-safe.
 */
public final class JUnitReport {
    private JUnitReport() {
    }

    /**
     * Checks that {@code file} can be written, before the gates are evaluated (and before any
     * load is sent).
     *
     * @throws ApituneException (exit 2) naming {@code --junit} when it cannot
     */
    public static void checkWritable(Path file) {
        AtomicFiles.checkWritable(file, "--junit");
    }

    /**
     * @param suite name of the test suite, e.g. the scenario name
     * @throws ApituneException (exit 3) when the file cannot be written
     */
    public static void write(Path file, String suite, List<GateResult> results) {
        try {
            AtomicFiles.write(file, xml(suite, results));
        } catch (ApituneException e) {
            throw ApituneException.targetFailure("--junit: " + e.getMessage(), e);
        }
    }

    /** The XML document. */
    public static String xml(String suite, List<GateResult> results) {
        long failures = results.stream().filter(r -> r.outcome() == Outcome.FAIL).count();
        long skipped = results.stream().filter(r -> r.outcome() == Outcome.INCONCLUSIVE).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append(String.format(Locale.ROOT,
                "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">%n",
                escape(suite), results.size(), failures, skipped));
        for (GateResult r : results) {
            String measured = GateTable.value(r, r.measured());
            String limit = GateTable.value(r, r.limit())
                    + (r.interval() == null ? "" : "; " + GateTable.interval(r));
            xml.append(String.format(Locale.ROOT,
                    "  <testcase classname=\"apitune.gates.%s\" name=\"%s\" time=\"0\">",
                    escape(r.run()), escape(r.gate())));
            if (r.passed()) {
                xml.append("\n    <system-out>measured ").append(escape(measured))
                        .append(", limit ").append(escape(limit)).append("</system-out>\n");
            } else if (r.outcome() == Outcome.INCONCLUSIVE) {
                xml.append("\n    <skipped message=\"").append(escape("inconclusive: " + r.reason()
                        + "; measured " + measured + ", limit " + limit)).append("\"/>\n");
            } else {
                String message = "measured " + measured + ", limit " + limit;
                xml.append("\n    <failure message=\"").append(escape(message))
                        .append("\" type=\"GateFailed\">").append(escape(r.gate() + ": " + message))
                        .append("</failure>\n");
            }
            xml.append("  </testcase>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
