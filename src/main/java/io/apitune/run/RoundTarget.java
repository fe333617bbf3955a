package io.apitune.run;

import java.nio.file.Path;

/**
 * One run's target held open across its rounds (see {@link RunDriver#open}): an in-process
 * reference server is started once and stays up, warm, until {@link #close()}.
 *
 * <p>Used by one thread, one round at a time.
 */
public interface RoundTarget extends AutoCloseable {
    /**
     * Warms the target (and the generator's code) up with {@code spec}'s full warm-up before its
     * first round, measuring nothing. The default does nothing.
     *
     * @return false when Ctrl-C or SIGTERM stopped it
     */
    default boolean warm(RunSpec spec) {
        return true;
    }

    /**
     * Measures one round into {@code roundDir} and writes its report there; prints nothing.
     *
     * @param round the run's spec with this round's warm-up
     */
    RunResult round(RunSpec round, Path roundDir);

    /** Stops what {@link RunDriver#open} started. */
    @Override
    void close();
}
