package io.apitune.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal} instead of a JVM exit, so the main
 * thread can shut down cleanly and exit 0; a shutdown hook covers every other way the JVM may
 * end. {@link #close()} restores the previous handlers and removes the hook, so running the
 * command in-process (tests) leaves the JVM as it was.
 *
 * <p>Thread model: the handlers run on a JVM signal thread; callers pass thread-safe actions.
 */
final class StopSignals implements AutoCloseable {
    private final List<Runnable> restore = new ArrayList<>();

    private StopSignals() {
    }

    /** Routes SIGINT and SIGTERM to {@code onSignal}; install before slow start-up work. */
    static StopSignals install(Runnable onSignal) {
        StopSignals signals = new StopSignals();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal, s -> onSignal.run());
                signals.restore.add(() -> sun.misc.Signal.handle(signal, previous));
            } catch (RuntimeException | LinkageError e) {
                // No signal API, or the signal is reserved (e.g. -Xrs): the shutdown hook cleans up.
            }
        }
        return signals;
    }

    /** Runs {@code onExit} (idempotent) if the JVM exits before {@link #close()}. */
    void onExit(Runnable onExit) {
        Thread hook = new Thread(onExit, "apitune-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        restore.add(() -> removeHook(hook));
    }

    @Override
    public void close() {
        for (Runnable step : restore) {
            step.run();
        }
        restore.clear();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or has run.
        }
    }
}
