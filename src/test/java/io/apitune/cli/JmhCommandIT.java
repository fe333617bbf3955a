package io.apitune.cli;

import io.apitune.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the JMH wiring end to end: the shaded jar runs a benchmark in a forked JVM and writes
 * JMH's JSON with a positive score; the conventional {@code benchmarks.jar} lists the benchmarks.
 */
class JmhCommandIT {
    private static final Path APITUNE_JAR = Path.of("target", "apitune.jar").toAbsolutePath();
    private static final Path BENCHMARKS_JAR = Path.of("target", "benchmarks.jar").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 90;

    @Test
    void quickRunFromTheShadedJarWritesScoresAndChecksGates(@TempDir Path tmp) throws Exception {
        Path json = tmp.resolve("out").resolve("jmh-result.json");
        Path reports = tmp.resolve("reports");
        Path junit = tmp.resolve("gates.xml");
        // A stored result whose score no machine comes close to (1 s per encoding): the baseline gate passes.
        Path baseline = Files.writeString(tmp.resolve("baseline.json"), "[{\"benchmark\":\"io.apitune.jmh.JsonBench.world\","
                + "\"mode\":\"avgt\",\"primaryMetric\":{\"score\":1.0E9,\"scoreUnit\":\"ns/op\"}}]");
        // One row against 500 rows: orders of magnitude apart on any machine, so both verdicts are certain.
        // Other builds on this machine may hold JMH's one-run-per-machine lock; this run only proves wiring.
        Result r = java(tmp, "-Djmh.ignoreLock=true", "-jar", APITUNE_JAR.toString(), "jmh", "--quick",
                "--json", json.toString(), "--reports-dir", reports.toString(), "-p", "rows=500",
                "--gate", "JsonBench.world < JsonBench.worlds", "--gate", "JsonBench.worlds < JsonBench.world",
                "--baseline", baseline.toString(), "--gate", "JsonBench.world <= baseline * 1.0",
                "--junit", junit.toString(),
                "JsonBench.worlds?$");

        assertThat(r.exitCode).as(r.output).isEqualTo(ExitCodes.GATE_FAILED);
        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("benchmark").asText()).isEqualTo("io.apitune.jmh.JsonBench.world");
        assertThat(results.get(1).get("params").get("rows").asText()).isEqualTo("500");
        for (JsonNode result : results) {
            assertThat(result.get("forks").asInt()).isEqualTo(1);
            assertThat(result.get("primaryMetric").get("score").asDouble()).isPositive();
        }
        assertThat(r.output).containsPattern("JsonBench.world < JsonBench.worlds .* PASS")
                .containsPattern("JsonBench.worlds < JsonBench.world .* FAIL")
                .containsPattern("JsonBench.world <= baseline \\* 1.0 .* PASS");
        assertThat(Files.readString(junit)).contains("tests=\"3\"", "failures=\"1\"");

        try (var dirs = Files.list(reports)) {
            Path runDir = dirs.filter(d -> d.getFileName().toString().endsWith("-jmh")).findFirst().orElseThrow();
            assertThat(Files.mismatch(runDir.resolve("jmh.json"), json)).isEqualTo(-1L);
            JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
            assertThat(summary.get("results").get(0).get("name").asText()).isEqualTo("JsonBench.world");
            assertThat(summary.get("gates").get(0).get("passed").asBoolean()).isTrue();
            assertThat(summary.get("gates").get(1).get("passed").asBoolean()).isFalse();
            assertThat(r.output).contains("results: " + runDir);
        }
    }

    @Test
    void benchmarksJarListsTheConventionalWay(@TempDir Path tmp) throws Exception {
        Result r = java(tmp, "-jar", BENCHMARKS_JAR.toString(), "-l");
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).contains("io.apitune.jmh.CacheBench.hit", "io.apitune.jmh.HandoffBench.eventLoop");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result java(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path log = workDir.resolve("process.log");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
