package io.apitune.cli;

import io.apitune.ExitCodes;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.apitune.gate.Gate;
import io.apitune.gate.GateCheck;
import io.apitune.gate.GateTable;
import io.apitune.gate.JUnitReport;
import io.apitune.jmh.runner.JmhJsonReader;
import io.apitune.jmh.runner.JmhMetrics;
import io.apitune.jmh.runner.JmhRun;
import io.apitune.jmh.runner.JmhRunSpec;
import io.apitune.jmh.runner.JmhRunner;
import io.apitune.jmh.runner.JmhSummaryWriter;
import io.apitune.report.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code apitune jmh [REGEX...]}: runs the JMH microbenchmarks compiled into the jar, with forks,
 * and stores the results under {@code reports/<timestamp>-jmh/}.
 *
 * <p>Thread model: runs on the calling thread and blocks until JMH has finished.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the JMH microbenchmarks that explain the end-to-end numbers (cache hit/miss, "
                + "JSON encoding, latency recording, event-loop hand-off, key sampling, each mode's "
                + "request path) through JMH's Runner API, in forked JVMs.",
            "Results go to <reports-dir>/<yyyyMMdd-HHmmss>-jmh/: jmh.json (JMH's JSON), summary.json "
                + "and summary.txt."})
public final class JmhCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REGEX", arity = "0..*",
            description = "Run only benchmarks whose name (io.apitune.jmh.Class.method) matches one of "
                    + "these regexes (JMH include syntax, e.g. CacheBench or 'JsonBench.world$'). Default: all.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--list", description = "List the matching benchmarks and exit; runs nothing.")
    boolean list;

    @Option(names = "--quick", description = "Smoke configuration: " + JmhRunner.QUICK_FORKS + " fork, "
            + JmhRunner.QUICK_WARMUP_ITERATIONS + " warm-up and " + JmhRunner.QUICK_MEASUREMENT_ITERATIONS
            + " measurement iterations of " + JmhRunner.QUICK_ITERATION_MILLIS
            + " ms. Proves the wiring; the numbers are rough. Default: each benchmark's own settings.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write JMH's JSON result to FILE (the same file as jmh.json in the run directory).")
    Path jsonFile;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=V1[,V2...]",
            description = "Override a @Param of the benchmarks (repeatable), e.g. -p cacheSize=1000. "
                    + "Default: each benchmark's declared values.")
    List<String> params = new ArrayList<>();

    @Option(names = "--gate", paramLabel = "EXPR",
            description = "Check the scores after the run (repeatable); exit 1 when one fails. A metric is "
                    + "Class.method, plus .VALUE of each @Param that varied (alphabetical by name), "
                    + "e.g. 'CacheBench.hit < 0.5 * CacheBench.miss' or 'CacheBench.hit.10000 < 100'.")
    List<String> gates = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "JMH_JSON",
            description = "A stored JMH JSON result (a run's jmh.json or a --json file) that 'baseline' in "
                    + "gates refers to, e.g. 'CacheBench.hit.10000 <= baseline * 1.2'.")
    Path baseline;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the gate results as JUnit XML, one test case per gate.")
    Path junit;

    @Option(names = "--reports-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Directory that receives the run directory. Default: ${DEFAULT-VALUE}.")
    Path reportsDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JmhRunSpec runSpec = new JmhRunSpec(includes, quick, Optional.ofNullable(jsonFile), reportsDir,
                JmhRunSpec.parseParams(params));
        List<Gate> parsedGates = GateCheck.combine(List.of(), gates);
        JmhMetrics baselineScores = baseline == null ? null
                : JmhMetrics.of(JmhJsonReader.read(baseline, "--baseline"));
        if (junit != null) {
            JUnitReport.checkWritable(junit);
        }
        if (jsonFile != null) {
            AtomicFiles.checkWritable(jsonFile, "--json");
        }
        if (list) {
            JmhRunner.list(runSpec.includes()).forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        JmhRun run = JmhRunner.run(runSpec, parsedGates, baselineScores,
                new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8));
        out.println();
        out.print(JmhSummaryWriter.table(run.results()));
        GateTable.print(run.gates(), out);
        if (junit != null) {
            JUnitReport.write(junit, "apitune jmh", run.gates());
        }
        out.println("JMH JSON: " + run.jmhJson());
        out.println("results: " + run.directory());
        out.flush();
        return GateTable.exitCode(run.gates());
    }

    /**
     * Bytes → the command's writer, decoded as UTF-8 line by line (JMH prints to a PrintStream).
     * JMH's "result is saved to" line is dropped: it names the temp file that is renamed afterwards;
     * the command prints the final location itself.
     */
    private static final class WriterStream extends OutputStream {
        private static final String JMH_SAVED_LINE = "Benchmark result is saved to ";
        private final PrintWriter writer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            String text = line.toString(StandardCharsets.UTF_8);
            if (!text.startsWith(JMH_SAVED_LINE)) {
                writer.write(text);
            }
            line.reset();
            writer.flush();
        }
    }
}
