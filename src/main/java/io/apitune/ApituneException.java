package io.apitune;

/**
 * A failure the user should see as one line, carrying the process exit code from the table in
 * DESIGN.md. Every package may throw it; only {@code cli} turns it into an exit status.
 *
 * <p>Immutable; thread-safe.
 */
public class ApituneException extends RuntimeException {
    private final int exitCode;

    public ApituneException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public ApituneException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static ApituneException invalidInput(String message) {
        return new ApituneException(ExitCodes.INVALID_INPUT, message);
    }

    /** Unless {@code ok}, fails with exit 2 as {@code option: value rule}, e.g. {@code --queue: -1 ...}. */
    public static void require(boolean ok, String option, Object value, String rule) {
        if (!ok) {
            throw invalidInput(option + ": " + value + " " + rule);
        }
    }

    public static ApituneException targetFailure(String message, Throwable cause) {
        return new ApituneException(ExitCodes.TARGET_FAILURE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
