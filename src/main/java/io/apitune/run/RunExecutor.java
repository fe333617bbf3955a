package io.apitune.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.load.IntervalHook;
import io.apitune.load.LoadConfig;
import io.apitune.load.LoadGenerator;
import io.apitune.load.LoadResult;
import io.apitune.load.ProgressListener;
import io.apitune.report.ConsoleSummary;
import io.apitune.report.ProgressPrinter;
import io.apitune.report.ReportDirectory;
import io.apitune.report.RunReports;
import io.apitune.report.model.RunReport;

/**
 * Executes one {@link RunSpec}: resolves the target (starting the reference server in-process
 * for a mode target), probes it, warms up, measures with live progress, prints the summary and
 * writes the report directory atomically. Used by {@code bench}, {@code run}, {@code compare}
 * and {@code capacity}.
 *
 * <p>Thread model: {@link #run} runs on the calling (command) thread and blocks for the run.
 * From the first run until {@link #close()}, a JVM shutdown hook (Ctrl-C, SIGTERM) stops the
 * current run early and keeps the JVM alive until the command has written everything it measured
 * (for {@code run}, {@code compare} and {@code capacity}, the combined report too) and closed
 * this executor. One run at a time per instance.
 */
public final class RunExecutor implements RunDriver, AutoCloseable {
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile LoadGenerator current;
    private Thread hook;
    private List<io.apitune.gate.Gate> aborting = List.of();
    private java.util.function.Function<RunSpec, ProgressListener> also = spec -> ProgressListener.NONE;

    /**
     * @param out   where the summary goes
     * @param err   where progress goes
     * @param quiet no live progress
     */
    public RunExecutor(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    /**
     * Judges these gates' {@code abort-on-fail} ones on their sliding window while each run goes
     * on ({@link WindowGates}); the first failure stops the run, marked {@code abortedBy}.
     */
    public RunExecutor abortOn(List<io.apitune.gate.Gate> gates) {
        this.aborting = List.copyOf(gates);
        return this;
    }

    /**
     * Also shows each run's (and round's) progress to the listener {@code each} makes for it
     * (called on the generator's sampler thread), whether or not progress is printed:
     * {@code run --print-intervals}.
     */
    public RunExecutor alsoProgress(java.util.function.Function<RunSpec, ProgressListener> each) {
        this.also = each;
        return this;
    }

    /**
     * Runs {@code spec} and writes its report.
     *
     * @param reportDir the run directory, or null for {@code reports/<yyyyMMdd-HHmmss>-<name>}
     * @throws io.apitune.ApituneException exit 2 when {@code reportDir} exists and is not empty
     *         (checked before any load), exit 3 when the target is unreachable at start
     */
    @Override
    public RunResult run(RunSpec spec, Path reportDir) {
        Path dir = ReportDirectory.choose(reportDir, spec.name());
        try (ResolvedTarget target = ResolvedTarget.start(spec.target())) {
            LoadConfig config = target.configure(spec.load());
            WindowGates windows = new WindowGates(spec.name(), aborting, spec.load().mix().names());
            ServerWindow window = new ServerWindow(target.baseUrl()).warm();
            return measure(spec, config, target, generate(config,
                    l -> ProgressListener.both(window.around(l), also.apply(spec)),
                    windows.any() ? windows : IntervalHook.NONE), dir, window);
        }
    }

    /**
     * Probes, warms up and measures {@code config} with a generator of its own, showing every
     * measured interval to {@code hook}.
     */
    private LoadResult generate(LoadConfig config, UnaryOperator<ProgressListener> around,
            IntervalHook hook) {
        ProgressListener progress = around.apply(quiet ? ProgressListener.NONE
                : new ProgressPrinter(err, System.console() != null));
        try (LoadGenerator generator = new LoadGenerator(config, progress)) {
            generator.probe();
            generator.intervalHook(hook);
            stopOnSignal(generator);
            return generator.run();
        } finally {
            current = null;
        }
    }

    private RunResult measure(RunSpec spec, LoadConfig config, ResolvedTarget target,
            LoadResult result, Path dir, ServerWindow window) {
        JsonNode stats = window.end();
        RunReport report = RunReports.of(dir.getFileName().toString(), spec.name(), target.info(),
                config, result);
        report = withTheory(report, spec.target(), config, window.start(), stats);
        Path written = ReportDirectory.write(dir, report, result.log());
        ConsoleSummary.print(out, report, written.toString());
        return new RunResult(spec, report, written, result.interrupted(), stats);
    }

    /**
     * Opens {@code spec}'s target once for all of its rounds: an in-process reference server is
     * started here and stays up, with its JIT-compiled code, caches and database pool warm, until
     * the returned target is closed; {@link RoundTarget#warm} gives it the full warm-up once. Each
     * round has a generator of its own (a load generator runs once), whose code the JIT has
     * compiled by then; the round's short warm-up only opens its connections. A round prints
     * nothing and writes report.json and latency.hlog, no page.
     *
     * @throws io.apitune.ApituneException exit 3 when the server cannot be started
     */
    @Override
    public RoundTarget open(RunSpec spec) {
        ResolvedTarget target = ResolvedTarget.start(spec.target());
        return new RoundTarget() {
            @Override
            public boolean warm(RunSpec warm) {
                // a load generator measures something: one request, not kept
                return !generate(target.configure(warm.load()).warmupOnly(), UnaryOperator.identity(),
                        IntervalHook.NONE).interrupted();
            }

            @Override
            public RunResult round(RunSpec round, Path roundDir) {
                Path dir = ReportDirectory.choose(roundDir, round.name());
                LoadConfig config = target.configure(round.load());
                LoadResult result = generate(config, l -> ProgressListener.both(l, also.apply(round)),
                        IntervalHook.NONE);
                RunReport report = RunReports.of(dir.getFileName().toString(), round.name(),
                        target.info(), config, result);
                Path written = ReportDirectory.write(dir, report, result.log(), false);
                JsonNode stats = new ServerWindow(target.baseUrl()).end();
                return new RunResult(round, report, written, result.interrupted(), stats);
            }

            @Override
            public void close() {
                target.close();
            }
        };
    }

    /**
     * {@code report} with its theory block when the target is a reference-server mode, computed
     * from the server's {@code /stats} over the measured window.
     */
    static RunReport withTheory(RunReport report, TargetSpec target, LoadConfig config,
            JsonNode statsAtStart, JsonNode statsAtEnd) {
        if (target.mode() == null) {
            return report;
        }
        ServerFigures figures = ServerFigures.of(statsAtStart, statsAtEnd, target.mode());
        return report.withTheory(Theory.of(target, config, figures, report.results()));
    }

    /** Makes Ctrl-C and SIGTERM stop {@code generator}, and keep the JVM until {@link #close()}. */
    private void stopOnSignal(LoadGenerator generator) {
        current = generator;
        if (hook != null) {
            return;
        }
        hook = new Thread(() -> {
            LoadGenerator running = current;
            if (running != null) {
                running.stop();
            }
            try {
                closed.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "apitune-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Everything is written: a signal may now end the JVM. */
    @Override
    public void close() {
        closed.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting (Ctrl-C); the hook is running and returns now.
            }
        }
    }
}
