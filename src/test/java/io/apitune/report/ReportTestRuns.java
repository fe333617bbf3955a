package io.apitune.report;

import java.io.IOException;
import java.nio.file.Path;

/** Public access to {@link ReportFixtures} for tests in other packages (the CLI tests). */
public final class ReportTestRuns {
    private ReportTestRuns() {
    }

    /** A 3 s run of 200 requests/s around {@code baseMs}, with report.json, latency.hlog and report.html. */
    public static Path write(Path dir, String name, long seed, double baseMs, long startMs) throws IOException {
        ReportFixtures.writeRun(dir, name, seed, baseMs, 3, 200, 1, startMs);
        HtmlReport.write(dir);
        return dir;
    }
}
