package io.apitune.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTableTest {
    private static final List<GateResult> RESULTS = List.of(
            new GateResult("p99 < 25ms", "async", 12.5, 25, Quantity.DURATION_MS, "", true),
            new GateResult("errors < 0.1% & \"x\"", "blocking", 0.005, 0.001, Quantity.FRACTION, "",
                    false),
            new GateResult("throughput > 900/s", "async", Double.NaN, 900, Quantity.RATE_PER_SECOND,
                    "", false));

    @Test
    void printsOneRowPerResultAndASummary() {
        StringWriter text = new StringWriter();
        GateTable.print(RESULTS, new PrintWriter(text));
        String[] lines = text.toString().strip().split("\n");
        assertThat(lines[0]).startsWith("gate").contains("measured", "limit", "verdict");
        assertThat(lines[1]).contains("p99 < 25ms", "async", "12.500ms", "25.000ms", "PASS");
        assertThat(lines[2]).contains("blocking", "0.500%", "0.100%", "FAIL");
        assertThat(lines[3]).contains("n/a", "900.0/s", "FAIL");
        assertThat(lines[4]).isEqualTo("gates: 1 passed, 2 failed");
        assertThat(GateTable.allPassed(RESULTS)).isFalse();
        assertThat(GateTable.allPassed(RESULTS.subList(0, 1))).isTrue();
    }

    @Test
    void writesJUnitXmlWithOneTestCasePerGate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/gates.xml");
        JUnitReport.write(file, "ci-gate", RESULTS);
        String xml = Files.readString(file);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<testsuite name=\"ci-gate\" tests=\"3\" failures=\"2\"")
                .contains("<testcase classname=\"apitune.gates.async\" name=\"p99 &lt; 25ms\"")
                .contains("name=\"errors &lt; 0.1% &amp; &quot;x&quot;\"")
                .contains("<failure message=\"measured 0.500%, limit 0.100%\" type=\"GateFailed\">")
                .endsWith("</testsuite>\n");
        assertThat(xml.split("<testcase ", -1)).hasSize(4);
        assertThat(xml.split("<failure ", -1)).hasSize(3);
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(file.toFile());
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(Files.list(dir.resolve("sub"))).hasSize(1);
    }

    @Test
    void anUndecidedGateIsInconclusiveExitFiveAndSkippedInJUnit(@TempDir Path dir) throws Exception {
        GateResult open = RESULTS.get(0).inconclusive("the generator limited run async: send lag");
        StringWriter text = new StringWriter();
        GateTable.print(List.of(open), new PrintWriter(text));
        assertThat(text.toString()).contains("INCONCLUSIVE", "(the generator limited run async: send lag)",
                "gates: 0 passed, 0 failed, 1 inconclusive");
        assertThat(GateTable.exitCode(List.of(open))).isEqualTo(5);
        assertThat(GateTable.exitCode(List.of(open, RESULTS.get(1)))).as("a failure wins").isEqualTo(1);
        assertThat(GateTable.exitCode(RESULTS.subList(0, 1))).isZero();
        assertThat(open.toVerdict().outcome()).isEqualTo("inconclusive");
        assertThat(open.toVerdict().passed()).isFalse();

        Path file = dir.resolve("gates.xml");
        JUnitReport.write(file, "s", List.of(open, RESULTS.get(0)));
        assertThat(Files.readString(file)).contains("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\"",
                "<skipped message=\"inconclusive: the generator limited run async: send lag; measured 12.500ms");
    }
}
