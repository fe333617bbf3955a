package io.apitune;

/**
 * A failure the user should see as one line, carrying the process exit code from the table in
 * DESIGN.md. Every package may throw it; only {@code cli} turns it into an exit status.
 *
 * <p>Immutable; thread-safe.
 */
public class ApituneException extends RuntimeException {
    /** Invalid input: flags, values, scenario files. */
    public static final int INVALID_INPUT = 2;
    /** Target or runtime failure: server unreachable, port in use, database down at start. */
    public static final int TARGET_FAILURE = 3;

    private final int exitCode;

    public ApituneException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public ApituneException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static ApituneException invalidInput(String message) {
        return new ApituneException(INVALID_INPUT, message);
    }

    public static ApituneException targetFailure(String message, Throwable cause) {
        return new ApituneException(TARGET_FAILURE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
