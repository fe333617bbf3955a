package io.apitune;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Where a long-running part (the reference server, the embedded database) reports what happens
 * while it runs: one line per event, and a stack trace only when the user asked for
 * {@code --verbose}. {@code cli} passes the command's stderr; other callers get
 * {@link #stderr(boolean)}.
 *
 * <p>Thread-safe: implementations may be called from any thread (event loops included) and must
 * not block for long.
 */
public interface Notices {
    /** Prints one line, as given. */
    void line(String message);

    /** Prints the stack trace of {@code cause} in verbose mode; does nothing otherwise. */
    void detail(Throwable cause);

    /** True when the user asked for stack traces. */
    boolean verbose();

    /** Lines on {@code System.err} (looked up at each call, so a redirected stream is used). */
    static Notices stderr(boolean verbose) {
        return on(() -> new PrintWriter(System.err), verbose);
    }

    /** Lines on {@code err} (a command's stderr writer). */
    static Notices to(PrintWriter err, boolean verbose) {
        return on(() -> err, verbose);
    }

    private static Notices on(Supplier<PrintWriter> stream, boolean verbose) {
        return new Notices() {
            @Override
            public void line(String message) {
                PrintWriter err = stream.get();
                err.println(message);
                err.flush();
            }

            @Override
            public void detail(Throwable cause) {
                if (verbose) {
                    PrintWriter err = stream.get();
                    cause.printStackTrace(err);
                    err.flush();
                }
            }

            @Override
            public boolean verbose() {
                return verbose;
            }
        };
    }
}
