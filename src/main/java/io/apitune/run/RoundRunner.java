package io.apitune.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.apitune.ApituneException;
import io.apitune.Durations;
import io.apitune.load.LoadConfig;
import io.apitune.report.ConsoleSummary;
import io.apitune.report.RoundsReport;
import io.apitune.report.model.GeneratorInfo;
import io.apitune.report.model.Results;
import io.apitune.report.model.RunReport;

/**
 * Measures a plan's runs in interleaved rounds: round 1 runs A B C, round 2 C B A, round 3 A B C
 * again (ABBA for two runs), so drift on the machine (a neighbour's build, thermal state) reaches
 * every run alike and each round of A has a partner round of B next to it in time. Before the
 * first round every run's target is opened ({@link RunDriver#open}) and warmed up once with the
 * run's full warm-up, then kept up until {@link #close()}; every round, the first included, has
 * the same short re-warm ({@link #REWARM}) that only opens the new generator's connections. So
 * no round is colder than another: the first run's first round is not the process's first load.
 * After the rounds, each run's rounds are merged into its report ({@link RoundsReport}). With {@code until-conclusive}, two rounds (one balanced pair) are added
 * while the caller's test says the gates are not decided, up to the plan's maximum.
 *
 * <p>Single-threaded: rounds run one after another on the caller's thread.
 */
final class RoundRunner implements AutoCloseable {
    /** Warm-up of every round (never more than the run's own warm-up). */
    static final Duration REWARM = Duration.ofMillis(250);

    private final RunDriver driver;
    private final PrintWriter out;
    private final RunPlan plan;
    private final Path reportDir;
    private final List<RunSpec> runs;
    private final Map<String, RoundTarget> open = new LinkedHashMap<>();
    private final Map<String, List<RoundsReport.Round>> rounds = new LinkedHashMap<>();
    private final Map<String, JsonNode> stats = new LinkedHashMap<>();
    private int completed;
    private boolean interrupted;

    /** @param skipped runs this JVM cannot execute, left out of every round */
    RoundRunner(RunDriver driver, PrintWriter out, RunPlan plan, Path reportDir, Set<String> skipped) {
        this.driver = driver;
        this.out = out;
        this.plan = plan;
        this.reportDir = reportDir;
        this.runs = plan.runs().stream().filter(r -> !skipped.contains(r.name())).toList();
        runs.forEach(r -> rounds.put(r.name(), new ArrayList<>()));
    }

    /**
     * What the rounds measured.
     *
     * @param runs        each run's rounds merged (empty when every run was skipped, or a signal
     *                    stopped the warm-up)
     * @param interrupted true when Ctrl-C or SIGTERM stopped a round or the warm-up
     */
    record Measured(List<RunResult> runs, boolean interrupted) {
    }

    /**
     * Warms every target up, runs the plan's rounds, then, while {@code decided} rejects the
     * merged runs and the plan allows more, two rounds at a time.
     */
    Measured run(Predicate<List<RunResult>> decided) {
        if (runs.isEmpty()) {
            return new Measured(List.of(), false);
        }
        interrupted = !warmUp();
        runUntil(plan.rounds().count());
        List<RunResult> merged = merge();
        while (!interrupted && completed < plan.rounds().maxRounds() && !decided.test(merged)) {
            int next = Math.min(completed + 2, plan.rounds().maxRounds());
            out.printf(Locale.ROOT, "%ninconclusive after %d rounds: running %d more (at most %d)%n",
                    completed, next - completed, plan.rounds().maxRounds());
            runUntil(next);
            merged = merge();
        }
        merged.forEach(r -> {
            out.println();
            ConsoleSummary.print(out, r.report(), r.dir().toString());
        });
        return new Measured(merged, interrupted);
    }

    /** Opens every run's target and gives it the run's full warm-up; false when stopped. */
    private boolean warmUp() {
        out.printf(Locale.ROOT, "%n== %s: warm-up: %s%n", plan.name(), String.join(", ", runs.stream()
                .map(r -> r.name() + " " + Durations.format(r.load().warmup())).toList()));
        out.flush();
        for (RunSpec spec : runs) {
            RoundTarget target = driver.open(spec);
            open.put(spec.name(), target);
            if (!target.warm(spec)) {
                return false;
            }
        }
        return true;
    }

    private void runUntil(int total) {
        while (!interrupted && completed < total) {
            int round = completed + 1;
            List<RunSpec> order = order(runs, round);
            out.printf(Locale.ROOT, "%n== %s: round %d/%d: %s%n", plan.name(), round, total,
                    String.join(", ", order.stream().map(RunSpec::name).toList()));
            out.flush();
            for (RunSpec spec : order) {
                if (!measure(spec, round)) {
                    interrupted = true;
                    return;
                }
            }
            completed = round;
        }
    }

    /** Forward in odd rounds, reversed in even ones: A B, B A, A B, ... */
    static <T> List<T> order(List<T> runs, int round) {
        List<T> order = new ArrayList<>(runs);
        if (round % 2 == 0) {
            Collections.reverse(order);
        }
        return order;
    }

    /**
     * Measures one round of {@code spec}; false when it was interrupted. A round the generator
     * limited (its I/O thread stalled by a GC pause, or starved of CPU) measured the generator,
     * not the target, and would be one outlying sample of every metric: it is measured once more,
     * its first attempt kept beside it ({@code round-NN-limited}) and named in the round's
     * {@code remeasured}. A second limited attempt is kept as it is (its verdict then reaches the
     * merged run's).
     */
    private boolean measure(RunSpec spec, int round) {
        RoundTarget target = open.get(spec.name());
        LoadConfig load = rewarmed(spec.load());
        RunSpec measured = new RunSpec(spec.name(), spec.target(), load);
        Path dir = reportDir.resolve(spec.name()).resolve(String.format(Locale.ROOT, "round-%02d", round));
        RunResult result = target.round(measured, dir);
        List<String> remeasured = new ArrayList<>();
        String limited = limitedReason(result);
        if (limited != null && !result.interrupted()) {
            printRound(spec.name(), result.report(), "  (generator limited: measured again)");
            remeasured.add(limited);
            moveAside(dir, dir.resolveSibling(dir.getFileName() + "-limited"));
            result = target.round(measured, dir);
        }
        rounds.get(spec.name()).add(new RoundsReport.Round(round, result.report(), result.dir(),
                load.warmup().toNanos() / 1e9, remeasured));
        if (result.serverStats() != null) {
            stats.put(spec.name(), result.serverStats());
        }
        printRound(spec.name(), result.report(), result.report().interrupted() ? "  (interrupted)" : "");
        return !result.interrupted();
    }

    /** Why the generator limited {@code result}'s round, or null when it did not. */
    private static String limitedReason(RunResult result) {
        GeneratorInfo generator = result.report().results().generator();
        return generator != null && generator.limited() ? generator.reason() : null;
    }

    /** Moves a limited attempt's directory aside (the plan's directory started empty). */
    private static void moveAside(Path dir, Path aside) {
        try {
            Files.move(dir, aside);
        } catch (IOException e) {
            throw ApituneException.targetFailure("cannot move " + dir + " to " + aside + ": " + e.getMessage(), e);
        }
    }

    /** The same load with the short re-warm of a target that is already warm. */
    static LoadConfig rewarmed(LoadConfig c) {
        Duration warmup = c.warmup().compareTo(REWARM) < 0 ? c.warmup() : REWARM;
        return c.withWarmup(warmup);
    }

    private void printRound(String name, RunReport report, String note) {
        Results r = report.results();
        out.printf(Locale.ROOT, "  %-16s %10.1f/s  p50 %9s  p99 %9s  errors %.2f%%%s%n", name,
                r.throughput(), ms(r, "p50"), ms(r, "p99"), r.errorRate() * 100, note);
        out.flush();
    }

    private static String ms(Results r, String key) {
        return r.latency() == null ? "n/a" : r.latency().get(key)
                .map(v -> String.format(Locale.ROOT, "%.3fms", v)).orElse("n/a");
    }

    /** Each run's rounds so far merged into its report, written into its directory. */
    private List<RunResult> merge() {
        List<RunResult> merged = new ArrayList<>();
        for (RunSpec spec : runs) {
            List<RoundsReport.Round> done = rounds.get(spec.name());
            if (done.isEmpty()) {
                continue;
            }
            Path dir = reportDir.resolve(spec.name());
            RunReport report = RoundsReport.write(dir, spec.name(), done, spec.load().warmup().toNanos() / 1e9);
            merged.add(new RunResult(spec, report, dir, report.interrupted(), stats.get(spec.name())));
        }
        return merged;
    }

    /** Stops every target opened (in-process servers), reporting the first failure. */
    @Override
    public void close() {
        ApituneException failure = null;
        for (RoundTarget target : open.values()) {
            try {
                target.close();
            } catch (ApituneException e) {
                failure = failure == null ? e : failure;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
