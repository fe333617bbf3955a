package io.apitune.cli;

import io.apitune.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apitune jmh} in-process: listing, filtering and input errors (nothing is benchmarked). */
class JmhCommandTest {
    private Cli.Result last = new Cli.Result(-1, "", "");

    private int run(String... args) {
        last = Cli.run(args);
        return last.exitCode();
    }

    @Test
    void listShowsEveryBenchmarkFamily() {
        assertThat(run("jmh", "--list")).isZero();
        assertThat(last.out().lines())
                .contains("io.apitune.jmh.CacheBench.hit", "io.apitune.jmh.CacheBench.miss",
                        "io.apitune.jmh.CacheBench.upstream", "io.apitune.jmh.JsonBench.worlds",
                        "io.apitune.jmh.RecorderBench.singleThreaded", "io.apitune.jmh.HandoffBench.workerPool",
                        "io.apitune.jmh.ModeBench.request", "io.apitune.jmh.JsonBench.worldsHandWritten",
                        "io.apitune.load.MixBench.mix", "io.apitune.load.MixBench.plain")
                .isSorted();
        assertThat(last.err()).isEmpty();
    }

    @Test
    void listFiltersByRegex() {
        assertThat(run("jmh", "--list", "CacheBench", "JsonBench.world$")).isZero();
        assertThat(last.out().lines()).containsExactly("io.apitune.jmh.CacheBench.hit",
                "io.apitune.jmh.CacheBench.miss", "io.apitune.jmh.CacheBench.upstream",
                "io.apitune.jmh.JsonBench.world");
    }

    @Test
    void invalidRegexIsOneLineAndExitTwo() {
        assertThat(run("jmh", "--list", "Cache(")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().lines()).singleElement().asString()
                .contains("REGEX", "'Cache('", "not a valid regular expression");
    }

    @Test
    void noMatchingBenchmarkIsInvalidInputAndCreatesNoRunDirectory(@TempDir Path tmp) {
        Path reports = tmp.resolve("reports");
        assertThat(run("jmh", "--quick", "--reports-dir", reports.toString(), "NoSuchBench"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().lines()).singleElement().asString().contains("no benchmark matches", "NoSuchBench");
        assertThat(reports).doesNotExist();
    }

    @Test
    void reportsDirThatIsAFileIsRejected(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("plain-file"), "x");
        assertThat(run("jmh", "--reports-dir", file.toString(), "CacheBench.hit")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("--reports-dir", "plain-file", "not a directory");
    }

    @Test
    void jsonThatIsADirectoryIsRejected(@TempDir Path tmp) {
        assertThat(run("jmh", "--json", tmp.toString(), "CacheBench.hit")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("--json", "is a directory");
    }

    @Test
    void gateSyntaxErrorIsInvalidInput() {
        assertThat(run("jmh", "--gate", "CacheBench.hit", "CacheBench")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().lines()).singleElement().asString().contains("gate 'CacheBench.hit'");
    }

    @Test
    void gateOnUnknownOrAmbiguousNameFailsBeforeAnythingRuns(@TempDir Path tmp) {
        Path reports = tmp.resolve("reports");
        assertThat(run("jmh", "--reports-dir", reports.toString(), "--gate", "CacheBench.hit < 0.5 * CacheBench.miss",
                "CacheBench")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("unknown metric 'hit'", "CacheBench.hit.10000", "CacheBench.hit.1000000");
        assertThat(reports).doesNotExist();
        assertThat(last.out()).doesNotContain("# Run progress");
    }

    @Test
    void paramMustBeNameEqualsValues() {
        assertThat(run("jmh", "--list", "-p", "cacheSize")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("--param", "'cacheSize'", "NAME=VALUE");
    }

    @Test
    void paramUnknownToTheMatchingBenchmarksIsRejected(@TempDir Path tmp) {
        assertThat(run("jmh", "--reports-dir", tmp.resolve("r").toString(), "-p", "rows=5", "CacheBench"))
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("no matching benchmark has a param 'rows'", "cacheSize");
    }

    @Test
    void baselineMustBeReadableJmhJson(@TempDir Path tmp) {
        assertThat(run("jmh", "--baseline", tmp.resolve("none.json").toString(), "--gate",
                "KeyBench.nextKey.zipf.1000 <= baseline * 1.2", "KeyBench")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().lines()).singleElement().asString().contains("--baseline", "none.json");
    }

    @Test
    void baselineWithoutTheGatedScoreFailsBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        Path baseline = Files.writeString(tmp.resolve("old.json"), "[{\"benchmark\":\"io.apitune.jmh.JsonBench.item\","
                + "\"mode\":\"avgt\",\"primaryMetric\":{\"score\":5.0,\"scoreUnit\":\"ns/op\"}}]");
        Path reports = tmp.resolve("reports");
        assertThat(run("jmh", "--reports-dir", reports.toString(), "--baseline", baseline.toString(),
                "--gate", "KeyBench.nextKey.zipf.1000 <= baseline * 1.2", "KeyBench")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err()).contains("baseline has no run 'KeyBench'");
        assertThat(reports).doesNotExist();
    }

    @Test
    void helpDocumentsEveryFlag() {
        assertThat(run("jmh", "--help")).isZero();
        assertThat(last.out()).contains("REGEX", "--list", "--quick", "--json", "--reports-dir", "--param",
                "--gate", "--baseline", "--junit");
    }
}
