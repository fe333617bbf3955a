package io.apitune.cli;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal} instead of a JVM exit, so the main
 * thread can shut down cleanly and exit 0. Where {@code sun.misc.Signal} is missing, a shutdown
 * hook from {@link #onExit} still cleans up (the exit status is then the JVM's).
 *
 * <p>Thread model: the handlers run on a JVM signal thread; callers pass thread-safe actions.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Routes SIGINT and SIGTERM to {@code onSignal}; install before slow start-up work. */
    static void install(Runnable onSignal) {
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onSignal.run());
            }
        } catch (RuntimeException | LinkageError e) {
            // No signal API (or the signal is reserved): the shutdown hook still cleans up.
        }
    }

    /** Runs {@code onExit} when the JVM exits for any other reason; it must be idempotent. */
    static void onExit(Runnable onExit) {
        Runtime.getRuntime().addShutdownHook(new Thread(onExit, "apitune-serve-shutdown"));
    }
}
