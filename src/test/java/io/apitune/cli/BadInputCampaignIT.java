package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.apitune.report.Reports;
import io.apitune.report.ReportTestRuns;
import io.apitune.run.LoadKey;
import io.apitune.run.ShapeKey;
import io.apitune.run.TargetKey;
import io.apitune.scenario.ScenarioParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The bad-input campaign of issue 16 as a permanent suite: every row of {@link BadInputs} runs
 * in-process through {@link Main#commandLine()} and must give exit 2, exactly one line on
 * stderr (naming what is wrong), nothing on stdout, nothing on the JVM's own streams (no library
 * log, no stack trace), no Java class name, and leave every file and directory as it was. A
 * second test keeps the table complete: every flag of every command and every scenario key has
 * a row.
 */
class BadInputCampaignIT {
    /** A Java class or stack trace in a message: a qualified class, an exception type, a frame. */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(?!io\\.apitune\\.jmh\\.)[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*"
                    + "|\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b|\\tat |Caused by|(?<![\\w/-])null(?![\\w/-])");
    private static final Path REPORTS = Path.of("reports");
    private static final String URL = "http://127.0.0.1:1/x";

    @TempDir
    static Path fixtures;

    @TempDir
    Path work;

    static Stream<BadInput> rows() {
        return BadInputs.all().stream();
    }

    @BeforeAll
    static void writeFixtures() throws IOException {
        Path fx = fixtures;
        Files.createDirectories(fx.resolve("full"));
        Files.writeString(fx.resolve("full/keep.txt"), "keep");
        Files.writeString(fx.resolve("file.txt"), "plain text\n");
        Path good = ReportTestRuns.write(fx.resolve("good"), "good", 1, 2.0, 1_795_000_000_000L);
        ObjectNode report = (ObjectNode) Reports.MAPPER.readTree(good.resolve("report.json").toFile());
        report(fx, "null-results", report.deepCopy().putNull("results").toString());
        report(fx, "empty-results", report.deepCopy().set("results", Reports.MAPPER.createObjectNode()).toString());
        ObjectNode wrongTypes = report.deepCopy();
        ((ObjectNode) wrongTypes.get("results")).put("latency", 5);
        report(fx, "wrong-types", wrongTypes.toString());
        report(fx, "not-json", "{\"schemaVersion\": 2, oops");
        report(fx, "array", "[1, 2]");
        report(fx, "v99", "{\"schemaVersion\": 99, \"results\": {}}");
        report(fx, "kind", "{\"schemaVersion\": 2, \"kind\": \"weird\", \"results\": {}}");
        Files.write(fx.resolve("latin1.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        byte[] noise = new byte[512];
        new Random(16).nextBytes(noise);
        Files.write(fx.resolve("binary.yaml"), noise);
        Files.writeString(fx.resolve("empty.yaml"), "");
        Files.writeString(fx.resolve("empty.hlog"), "");
        Files.writeString(fx.resolve("good.yaml"), "name: good\nruns: [{name: a, url: \"" + URL + "\"}]\n");
    }

    private static void report(Path fx, String dir, String json) throws IOException {
        Files.createDirectories(fx.resolve(dir));
        Files.writeString(fx.resolve(dir).resolve("report.json"), json);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rows")
    void isRefusedWithOneLineAndExit2AndWritesNothing(BadInput row) throws IOException {
        Path out = work.resolve("out");
        Path yaml = work.resolve("s.yaml");
        if (row.scenario() != null) {
            Files.writeString(yaml, row.scenario());
        }
        List<String> args = row.args(Map.of("{fx}", fixtures.toString(), "{out}", out.toString(),
                "{url}", URL, "{yaml}", yaml.toString()));
        Map<String, String> before = snapshot();

        Captured run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> capture(args));

        String describe = row + "\nstderr: " + run.result.err() + "stdout: " + run.result.out()
                + "JVM streams: " + run.jvm;
        assertThat(run.result.exitCode()).as(describe).isEqualTo(2);
        List<String> lines = run.result.err().lines().toList();
        assertThat(lines).as(describe).hasSize(1);
        String line = lines.get(0);
        assertThat(line).as(describe).startsWith("apitune: ").contains(row.says())
                .doesNotContain("hunter2");
        assertThat(JAVA_NAMES.matcher(line).find()).as("a Java name in: " + line).isFalse();
        assertThat(run.result.out()).as(describe).isEmpty();
        assertThat(run.jvm).as(describe).isEmpty();
        assertThat(out).as(describe).doesNotExist();
        assertThat(snapshot()).as(describe).isEqualTo(before);
    }

    @Test
    void tableHasAtLeast100Rows() {
        assertThat(BadInputs.all()).hasSizeGreaterThanOrEqualTo(100);
    }

    /** Every option of every command, and every scenario key, is broken by at least one row. */
    @Test
    void everyFlagAndKeyHasARow() {
        List<BadInput> rows = BadInputs.all();
        List<String> missing = new ArrayList<>();
        forEachCommand(Main.commandLine(), "", (command, cl) -> {
            for (OptionSpec option : cl.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp() || option.longestName().equals("--verbose")
                        && !command.isEmpty()) {
                    continue;
                }
                boolean covered = rows.stream().filter(r -> r.scenario() == null && r.command().equals(command))
                        .anyMatch(r -> BadInput.split(r.line()).stream().anyMatch(word -> Stream.of(option.names())
                                .anyMatch(name -> word.equals(name) || word.startsWith(name + "="))));
                if (!covered) {
                    missing.add((command + " " + option.longestName()).trim());
                }
            }
        });
        for (String key : scenarioKeys()) {
            boolean covered = rows.stream().filter(r -> r.scenario() != null)
                    .anyMatch(r -> Pattern.compile("(^|[.\\]\\s])" + Pattern.quote(key) + "($|[.\\[:\\s])")
                            .matcher(r.says()).find());
            if (!covered) {
                missing.add("scenario key " + key);
            }
        }
        assertThat(missing).as("flags and keys without a bad-input row in BadInputs").isEmpty();
    }

    private static Set<String> scenarioKeys() {
        Set<String> keys = new TreeSet<>(ScenarioParser.topKeys());
        Stream.of(TargetKey.values()).forEach(k -> keys.add(k.key()));
        Stream.of(LoadKey.values()).forEach(k -> keys.add(k.key()));
        Stream.of(ShapeKey.values()).forEach(k -> keys.add(k.key()));
        return keys;
    }

    private interface CommandVisitor {
        void visit(String path, CommandLine cl);
    }

    private static void forEachCommand(CommandLine cl, String path, CommandVisitor visitor) {
        visitor.visit(path, cl);
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name)) {
                forEachCommand(sub, (path + " " + name).trim(), visitor);
            }
        });
    }

    private record Captured(Cli.Result result, String jvm) {
    }

    /** Runs in-process; whatever reaches System.out or System.err meanwhile is returned too. */
    private static Captured capture(List<String> args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream jvm = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(jvm, true, StandardCharsets.UTF_8);
        System.setOut(sink);
        System.setErr(sink);
        try {
            return new Captured(Cli.run(args.toArray(String[]::new)), jvm.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    /** Every file and directory under the fixtures, the row's work directory and reports/. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> state = new TreeMap<>();
        for (Path root : new Path[] {fixtures, work, REPORTS}) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                    state.put(p.toString(), Files.isDirectory(p) ? "dir"
                            : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return state;
    }
}
