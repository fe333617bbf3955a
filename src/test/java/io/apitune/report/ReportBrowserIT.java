package io.apitune.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens generated reports in headless Chromium: nothing is logged to the console, every chart draws
 * non-empty series, a {@code <script>} in the run name stays text (no extra script element, the
 * title unchanged), and a screenshot lands in {@code target/report-browser-it/}. The browser is
 * /usr/bin/chromium (or chromium-browser, google-chrome), or {@code -Dapitune.chromium=PATH}. Without Chromium it is skipped, unless CI=true.
 */
class ReportBrowserIT {
    private static final Path OUT = Path.of("target", "report-browser-it").toAbsolutePath();
    private static final String EVIL = "<script>document.title='pwned'</script>";
    private static final long START_MS = 1_795_000_000_000L;
    private static final String PROBE_HEAD = "<script>window.__errors=[];window.addEventListener('error',"
            + "function(e){window.__errors.push(String(e.message))});</script>";
    private static final String PROBE_BODY = "<script>(function(){var out=[];"
            + "document.querySelectorAll('svg.chart').forEach(function(svg){var drawn=0;"
            + "svg.querySelectorAll('path.series').forEach(function(p){var b=p.getBBox();"
            + "if(p.getTotalLength()>0&&(b.width>0||b.height>0))drawn++;});"
            + "out.push(svg.getAttribute('data-chart')+'='+drawn+'/'+Math.round(svg.getBoundingClientRect().width));});"
            + "var pre=document.createElement('pre');pre.id='probe';pre.style.display='none';pre.textContent='CHARTS '+out.join(' ')"
            + "+' | ERRORS '+window.__errors.length+' | SCRIPTS '+document.scripts.length"
            + "+' | REFS '+Array.prototype.filter.call(document.querySelectorAll('g.ref line'),function(l){"
            + "return l.getBoundingClientRect().width>100;}).length"
            + "+' | VERDICT '+document.querySelectorAll('table.verdict tbody tr').length"
            + "+' | FINDINGS '+document.querySelectorAll('ul.findings li').length+' | TITLE '+document.title"
            + "+' | H1 '+document.querySelector('h1').textContent;document.body.appendChild(pre);})();</script>";

    private static Path chromium;

    @BeforeAll
    static void findChromium() throws IOException {
        String override = System.getProperty("apitune.chromium");
        Stream<String> candidates = override != null ? Stream.of(override)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        chromium = candidates.map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but Chromium is missing (apt-get install chromium)");
            }
            String reason = "Chromium not found (apt-get install chromium, or -Dapitune.chromium=PATH); "
                    + "skipping the browser test";
            System.err.println("ReportBrowserIT: " + reason);
            Assumptions.abort(reason);
        }
        deleteTree(OUT);
        Files.createDirectories(OUT);
    }

    @Test
    void runReportRendersCleanly() throws Exception {
        Path dir = OUT.resolve("run");
        ReportFixtures.writeRun(dir, EVIL + " cached", 11, 2.0, 10, 500, 5, START_MS);
        HtmlReport.write(dir);

        String probe = open(dir.resolve("report.html"), OUT.resolve("run.png"));

        assertCharts(probe, "spectrum", "latency-over-time", "throughput-over-time", "errors-over-time");
        assertThat(probe).contains("| TITLE apitune · " + EVIL + " cached |", "| H1 run" + EVIL + " cached");
    }

    @Test
    void compareAndCapacityReportsRenderCleanly() throws Exception {
        Path a = OUT.resolve("blocking");
        Path b = OUT.resolve("async");
        ReportFixtures.writeRun(a, "blocking", 12, 9.0, 6, 300, 3, START_MS);
        ReportFixtures.writeRun(b, "async", 13, 2.0, 6, 300, -1, START_MS);
        Path compare = CompareReport.write(a, b, OUT.resolve("compare")).html();
        assertCharts(open(compare, OUT.resolve("compare.png")), "spectrum", "latency-over-time",
                "throughput-over-time", "errors-over-time");

        Path capacity = OUT.resolve("capacity");
        Files.createDirectories(capacity);
        ObjectNode doc = HtmlReportTest.combined("capacity", "capacity of async");
        doc.put("slo", "p99 < 25ms");
        ArrayNode steps = doc.putArray("steps");
        for (double[] v : new double[][] {{100, 1.1, 3.0}, {200, 1.3, 4.2}, {400, 1.9, 9.5}, {800, 4.4, 38.0}}) {
            steps.addObject().put("rate", v[0]).put("p50", v[1]).put("p99", v[2]).put("passed", v[2] < 25);
        }
        doc.putObject("answer").put("rate", 400.0);
        doc.putArray("runs").add(((ObjectNode) ReportFixtures.readJson(b.resolve("report.json"))).put("dir", "../async"));
        ReportFixtures.writeJson(capacity.resolve("report.json"), doc);
        Path page = HtmlReport.write(capacity);
        assertCharts(open(page, OUT.resolve("capacity.png")), "capacity", "spectrum", "latency-over-time",
                "throughput-over-time");
    }

    @Test
    void aComparisonWithFailuresAndTheoryRendersItsVerdictAndBounds() throws Exception {
        Path dir = OUT.resolve("techniques");
        ReportFixtures.writeV2Run(dir.resolve("blocking"), "blocking", 14, 300, 4, 372, 20_000, 1.5, 400, START_MS);
        ReportFixtures.writeV2Run(dir.resolve("async"), "async", 15, 20.6, 4, 12_400, 0, 1.0, 12_800, START_MS);
        ObjectNode doc = HtmlReportTest.combined("compare", "techniques").put("schemaVersion", 2);
        ArrayNode runs = doc.putArray("runs");
        for (String run : new String[] {"blocking", "async"}) {
            runs.add(ReportFixtures.readJson(dir.resolve(run).resolve("report.json")).put("dir", run));
        }
        doc.putArray("findings").add("async served 33.3× the goodput of blocking at equal connections; "
                + "blocking ran at 0.93 of its bound of 400/s (8 workers / 20 ms): 98.2 % of its requests "
                + "were turned away." + EVIL);
        ReportFixtures.writeJson(dir.resolve("report.json"), doc);

        String probe = open(HtmlReport.write(dir), OUT.resolve("techniques.png"));

        assertCharts(probe, "spectrum", "latency-over-time", "throughput-over-time", "errors-over-time");
        // one bound line per run, drawn across the plot; the verdict has a row per run
        assertThat(probe).contains("| REFS 2 |", "| VERDICT 2 |", "| FINDINGS 1 |");
    }

    private static void assertCharts(String probe, String... charts) {
        Matcher m = Pattern.compile("CHARTS (.*?) \\|").matcher(probe);
        assertThat(m.find()).as("probe output in " + probe).isTrue();
        List<String> seen = new ArrayList<>();
        for (String entry : m.group(1).split(" ")) {
            String[] parts = entry.split("[=/]");
            assertThat(Integer.parseInt(parts[1])).as("series drawn in " + entry).isPositive();
            assertThat(Integer.parseInt(parts[2])).as("rendered width of " + entry).isGreaterThan(300);
            seen.add(parts[0]);
        }
        assertThat(seen).contains(charts);
        assertThat(probe).contains("| ERRORS 0 |", "| SCRIPTS 2 |");
    }

    /**
     * Loads a copy of the page with a hidden probe (its CSP removed so the probe may run) in one
     * Chromium launch: asserts that nothing was logged to the console, saves a screenshot and
     * returns the probe's text from the DOM dump.
     */
    private static String open(Path html, Path png) throws Exception {
        String page = Files.readString(html);
        String withProbe = page.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replaceFirst("<head>", "<head>" + PROBE_HEAD).replace("</body>", PROBE_BODY + "</body>");
        Path copy = html.resolveSibling("probe.html");
        Files.writeString(copy, withProbe);
        Result result = chromium(copy, "--dump-dom", "--screenshot=" + png, "--window-size=1280,3400",
                "--hide-scrollbars");
        List<String> console = result.stderr().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertThat(console).as("console messages of " + html).isEmpty();
        assertThat(png).isNotEmptyFile();
        Matcher m = Pattern.compile("<pre id=\"probe\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(result.stdout());
        assertThat(m.find()).as("probe in DOM dump; stderr: " + result.stderr()).isTrue();
        return m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private record Result(String stdout, String stderr) {
    }

    private static Result chromium(Path html, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(OUT, "profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path stdout = OUT.resolve(profile.getFileName() + ".out");
        Path stderr = OUT.resolve(profile.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 60 s for " + html);
        }
        deleteTree(profile);
        return new Result(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
