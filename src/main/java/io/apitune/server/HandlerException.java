package io.apitune.server;

/**
 * A request a handler could not serve, with the HTTP status it maps to: 503 for a full worker
 * pool (with {@code Retry-After}) or an unreachable database, 501 for a mode this JVM lacks,
 * 400 for invalid input and 404 for a row that does not exist.
 *
 * <p>Immutable; thread-safe. Carries no stack trace: it is an expected outcome under load.
 */
public final class HandlerException extends RuntimeException {
    private final int status;
    private final boolean rejected;

    private HandlerException(int status, boolean rejected, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.rejected = rejected;
    }

    /** Worker pool and its queue are full: 503 with {@code Retry-After}. */
    public static HandlerException rejected(String message) {
        return new HandlerException(503, true, message, null);
    }

    /** The database cannot serve the request now: 503. */
    public static HandlerException databaseUnavailable(String message, Throwable cause) {
        return new HandlerException(503, false, message, cause);
    }

    /** The mode is not available in this process: 501. */
    public static HandlerException notImplemented(String message) {
        return new HandlerException(501, false, message, null);
    }

    /** The request is invalid (bad JSON, missing or wrong field): 400. */
    public static HandlerException badRequest(String message) {
        return new HandlerException(400, false, message, null);
    }

    /** At most 40 characters of user input, for an error message. */
    static String shown(Object input) {
        String text = String.valueOf(input);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The addressed row does not exist: 404. */
    public static HandlerException notFound(String message) {
        return new HandlerException(404, false, message, null);
    }

    public int status() {
        return status;
    }

    /** True for a load-shedding rejection (counted as {@code rejected}, not {@code errors}). */
    public boolean isRejected() {
        return rejected;
    }
}
