package io.apitune.jmh.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import io.apitune.ApituneException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks compiled into this jar through JMH's Runner API. Forked benchmark JVMs get
 * this JVM's class path (the shaded {@code apitune.jar} when started with {@code java -jar}), so
 * forks work from the tool as they do from {@code target/benchmarks.jar}.
 *
 * <p>Thread model: blocking; call from one thread. JMH itself starts the forked JVMs.
 */
public final class JmhRunner {
    public static final int QUICK_FORKS = 1;
    public static final int QUICK_WARMUP_ITERATIONS = 1;
    public static final int QUICK_MEASUREMENT_ITERATIONS = 2;
    public static final int QUICK_ITERATION_MILLIS = 300;
    static final String RUN_SUFFIX = "jmh";

    private JmhRunner() {
    }

    /** The names ({@code io.apitune.jmh.Class.method}) of the benchmarks the regexes match, sorted. */
    public static List<String> list(List<String> includes) {
        List<String> effective = includes.isEmpty() ? List.of(".*") : includes;
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT);
        TreeSet<String> names = new TreeSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(silent, effective, List.of())) {
            names.add(entry.getUsername());
        }
        return List.copyOf(names);
    }

    /**
     * Runs the matching benchmarks, printing JMH's progress to {@code out}, and stores the results
     * under {@code reports/<timestamp>-jmh/}.
     *
     * @throws ApituneException invalid input when nothing matches, target failure when a benchmark fails
     */
    public static JmhRun run(JmhRunSpec spec, PrintStream out) {
        if (list(spec.includes()).isEmpty()) {
            throw ApituneException.invalidInput("no benchmark matches " + spec.effectiveIncludes()
                    + " (see 'apitune jmh --list')");
        }
        Instant start = Instant.now();
        Path dir = RunDirectory.create(spec.reportsDir(), start, RUN_SUFFIX);
        Path partial = dir.resolve(JmhRun.JMH_JSON + ".tmp");
        Collection<RunResult> raw = runJmh(spec, partial, out, dir);
        try {
            RunDirectory.moveAtomically(partial, dir.resolve(JmhRun.JMH_JSON));
        } catch (IOException e) {
            throw ApituneException.targetFailure("JMH wrote no result file in '" + dir + "'", e);
        }
        List<JmhResult> results = raw.stream().map(JmhResult::of)
                .sorted(Comparator.comparing(JmhResult::benchmark).thenComparing(JmhResult::paramsText))
                .toList();
        JmhRun run = new JmhRun(dir.getFileName().toString(), dir, start, Instant.now(), spec.quick(),
                spec.includes(), results);
        JmhSummaryWriter.write(run);
        spec.jsonFile().ifPresent(file -> RunDirectory.copyAtomically(run.jmhJson(), file));
        return run;
    }

    private static Collection<RunResult> runJmh(JmhRunSpec spec, Path resultFile, PrintStream out, Path dir) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .resultFormat(ResultFormatType.JSON)
                .result(resultFile.toString())
                .shouldFailOnError(true);
        spec.effectiveIncludes().forEach(options::include);
        if (spec.quick()) {
            TimeValue iteration = TimeValue.milliseconds(QUICK_ITERATION_MILLIS);
            options.forks(QUICK_FORKS)
                    .warmupIterations(QUICK_WARMUP_ITERATIONS).warmupTime(iteration)
                    .measurementIterations(QUICK_MEASUREMENT_ITERATIONS).measurementTime(iteration);
        }
        try {
            OutputFormat format = OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL);
            return new Runner(options.build(), format).run();
        } catch (RunnerException e) {
            deleteQuietly(resultFile);
            RunDirectory.removeIfEmpty(dir);
            throw ApituneException.targetFailure("JMH run failed: " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray .tmp file in a failed run's directory is harmless
        }
    }
}
