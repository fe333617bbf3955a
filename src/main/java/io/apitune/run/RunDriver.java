package io.apitune.run;

import java.nio.file.Path;

/**
 * Executes one run end to end (warm-up, measurement, summary, report files), or the rounds of a
 * run against a target held open ({@link #open}). Commands use {@link RunExecutor}; tests supply
 * a model. Called from one thread, one run at a time.
 */
@FunctionalInterface
public interface RunDriver {
    /** @param runDir the directory the run's report.json and latency.hlog go to */
    RunResult run(RunSpec spec, Path runDir);

    /**
     * Opens {@code spec}'s target for several rounds. The default measures each round as a run
     * of its own; {@link RunExecutor} keeps an in-process server up across the rounds.
     */
    default RoundTarget open(RunSpec spec) {
        return new RoundTarget() {
            @Override
            public RunResult round(RunSpec round, Path roundDir) {
                return run(round, roundDir);
            }

            @Override
            public void close() {
            }
        };
    }
}
