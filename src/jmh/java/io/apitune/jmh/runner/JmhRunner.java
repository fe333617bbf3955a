package io.apitune.jmh.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.apitune.ApituneException;
import io.apitune.report.AtomicFiles;
import io.apitune.gate.Gate;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateResult;
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
        TreeSet<String> names = new TreeSet<>();
        matching(includes).forEach(entry -> names.add(entry.getUsername()));
        return List.copyOf(names);
    }

    /** The benchmark list entries the regexes match (all when {@code includes} is empty). */
    static Collection<BenchmarkListEntry> matching(List<String> includes) {
        List<String> effective = includes.isEmpty() ? List.of(".*") : includes;
        OutputFormat silent = OutputFormatFactory.createFormatInstance(
                new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, effective, List.of());
    }

    /**
     * Checks, before anything runs, that some benchmark matches, that every {@code --param} is
     * declared by a matching benchmark, and that every gate names known benchmarks (and, for
     * {@code baseline} gates, scores the baseline has).
     *
     * @param baseline the scores {@code baseline} in gates refers to, or null
     *
     * @throws ApituneException (exit 2) naming the first problem
     */
    public static void validate(JmhRunSpec spec, List<Gate> gates, JmhMetrics baseline) {
        Collection<BenchmarkListEntry> entries = matching(spec.includes());
        if (entries.isEmpty()) {
            throw ApituneException.invalidInput("no benchmark matches " + spec.effectiveIncludes()
                    + " (see 'apitune jmh --list')");
        }
        Set<String> declared = new TreeSet<>();
        entries.forEach(e -> declared.addAll(e.getParams().orElse(Map.of()).keySet()));
        for (String name : spec.params().keySet()) {
            if (!declared.contains(name)) {
                throw ApituneException.invalidInput("--param: no matching benchmark has a param '" + name
                        + "' (declared: " + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")");
            }
        }
        new GateEvaluator(JmhMetrics.namesOnly(entries, spec.params()), baseline).evaluate(gates);
    }

    /**
     * Validates, runs the matching benchmarks printing JMH's progress to {@code out}, evaluates
     * the gates on the scores, and stores everything under {@code reports/<timestamp>-jmh/}.
     *
     * @param baseline the scores {@code baseline} in gates refers to, or null
     *
     * @throws ApituneException invalid input (see {@link #validate}), target failure when a benchmark fails
     */
    public static JmhRun run(JmhRunSpec spec, List<Gate> gates, JmhMetrics baseline, PrintStream out) {
        validate(spec, gates, baseline);
        Instant start = Instant.now();
        Path dir = RunDirectory.create(spec.reportsDir(), start, RUN_SUFFIX);
        Path partial = dir.resolve(JmhRun.JMH_JSON + ".tmp");
        Collection<RunResult> raw = runJmh(spec, partial, out, dir);
        try {
            AtomicFiles.moveIntoPlace(partial, dir.resolve(JmhRun.JMH_JSON));
        } catch (IOException e) {
            throw ApituneException.targetFailure("JMH wrote no result file in '" + dir + "'", e);
        }
        List<JmhResult> results = raw.stream().map(JmhResult::of)
                .sorted(Comparator.comparing(JmhResult::benchmark).thenComparing(JmhResult::paramsText))
                .toList();
        List<GateResult> verdicts = new GateEvaluator(JmhMetrics.of(results), baseline).evaluate(gates);
        JmhRun run = new JmhRun(dir.getFileName().toString(), dir, start, Instant.now(), spec.quick(),
                spec.includes(), results, verdicts);
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
        spec.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
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

    /**
     * The most specific message: JMH wraps a benchmark's own exception (e.g. a setup failure)
     * as a suppressed exception of its "Benchmark caught the exception" cause.
     */
    static String firstLine(Throwable e) {
        Throwable specific = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            Throwable inner = t.getSuppressed().length > 0 ? t.getSuppressed()[0] : null;
            while (inner != null) {
                specific = inner;
                inner = inner.getCause();
            }
        }
        String message = specific.getMessage() == null ? specific.getClass().getSimpleName() : specific.getMessage();
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
