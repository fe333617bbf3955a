package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} explains itself: each mode's theory block, the table's theory column, the
 * sentence, and the relative gate {@code async.throughput >= 10 * blocking.throughput}. Every
 * client waits in the worker queue (64 connections, 4 workers + 128 queued), so blocking answers
 * nothing with 503 and serves at most 4 / 20 ms = 200/s, async at most 64 / 20 ms = 3,200/s: the
 * gate holds with a 1.6x margin even if async reaches only 2,000/s on a busy machine, and the load
 * is light enough that the generator does not limit the runs. About 10 s.
 */
class TheoryCompareIT {
    @TempDir
    Path tmp;

    @Test
    void compareReportsEachModesBoundAndTheFractionServed() throws Exception {
        Path out = tmp.resolve("theory");
        Cli.Result r = Cli.run("compare", "--modes", "blocking,async", "--workers", "4", "--queue", "128",
                "--backend-latency", "20ms", "-c", "64", "--duration", "2s", "--warmup", "1s", "-q",
                "--out", out.toString(), "--gate", "async.throughput >= 10 * blocking.throughput");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("gates: 1 passed, 0 failed", "of 200/s", "of 3,200/s",
                "theory: goodput at", "(W / L = 4 workers / 20 ms)")
                .containsPattern("async served [0-9.]+× the goodput of blocking at equal connections; "
                        + "blocking ran at [01]\\.[0-9]{2} of its bound of 200/s \\(4 workers / 20 ms\\)"
                        // a busy machine may limit a run: the sentence then says so
                        + "(; the load generator limited [a-z ]+, so [a-z ]+ a floor)?\\.");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode blocking = report.at("/runs/0/theory");
        assertThat(blocking.get("boundPerSecond").asDouble()).isEqualTo(200.0);
        assertThat(blocking.get("limitedBy").asText()).isEqualTo("workers");
        assertThat(blocking.get("source").asText()).isEqualTo("stats window");
        assertThat(blocking.at("/inputs/rejected").asLong()).isZero();
        JsonNode async = report.at("/runs/1/theory");
        assertThat(async.get("boundPerSecond").asDouble()).isEqualTo(3200.0);
        assertThat(async.get("formula").asText()).isEqualTo("C / L");
        // Little's law bounds goodput from above whatever the machine's speed (a timer never fires
        // early; at most the requests in flight at the start add to the window); from below only
        // generously, as the machine is shared
        assertThat(blocking.get("fraction").asDouble()).isBetween(0.5, 1.02);
        assertThat(async.get("fraction").asDouble()).isBetween(0.3, 1.02);
        // the overhead above L is what the mean OK latency adds to the 20 ms wait
        assertThat(async.get("overheadMs").asDouble()).isBetween(0.0, 30.0);
        assertThat(report.at("/modes/0/theoryFraction").asDouble()).isEqualTo(blocking.get("fraction").asDouble());
        assertThat(report.get("findings")).hasSize(1);
        assertThat(report.at("/findings/0").asText()).startsWith("async served");
        String page = Files.readString(out.resolve("report.html"));
        assertThat(page).contains("<h2>Verdict</h2>", "blocking bound 200/s (4 workers / 20 ms)");
    }
}
