package io.apitune.run;

import java.nio.file.Path;

/**
 * Executes one run end to end (warm-up, measurement, summary, report files). Commands use
 * {@link RunExecutor}; tests supply a model. Called from one thread, one run at a time.
 */
@FunctionalInterface
public interface RunDriver {
    /** @param runDir the directory the run's report.json and latency.hlog go to */
    RunResult run(RunSpec spec, Path runDir);
}
