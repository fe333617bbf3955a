package io.apitune.load;

/**
 * Failed (KO) requests by class. Immutable; thread-safe.
 */
public record ErrorCounts(long connect, long timeout, long status4xx, long status5xx, long check,
        long other) {
    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0, 0);

    /** Builds counts from an array indexed by {@link ErrorKind#ordinal()}. */
    public static ErrorCounts of(long[] byKind) {
        return new ErrorCounts(byKind[ErrorKind.CONNECT.ordinal()],
                byKind[ErrorKind.TIMEOUT.ordinal()], byKind[ErrorKind.STATUS_4XX.ordinal()],
                byKind[ErrorKind.STATUS_5XX.ordinal()], byKind[ErrorKind.CHECK.ordinal()],
                byKind[ErrorKind.OTHER.ordinal()]);
    }

    public long total() {
        return connect + timeout + status4xx + status5xx + check + other;
    }

    public long get(ErrorKind kind) {
        return switch (kind) {
            case CONNECT -> connect;
            case TIMEOUT -> timeout;
            case STATUS_4XX -> status4xx;
            case STATUS_5XX -> status5xx;
            case CHECK -> check;
            case OTHER -> other;
        };
    }

    /** The class with the most failures, or null when there are none. */
    public ErrorKind top() {
        ErrorKind top = null;
        for (ErrorKind kind : ErrorKind.values()) {
            if (get(kind) > 0 && (top == null || get(kind) > get(top))) {
                top = kind;
            }
        }
        return top;
    }

    /** Counts in this plus counts in {@code other}. */
    public ErrorCounts plus(ErrorCounts o) {
        return new ErrorCounts(connect + o.connect, timeout + o.timeout, status4xx + o.status4xx,
                status5xx + o.status5xx, check + o.check, other + o.other);
    }

    /** Counts in this minus counts in {@code earlier}: the errors of one interval. */
    public ErrorCounts minus(ErrorCounts earlier) {
        return new ErrorCounts(connect - earlier.connect, timeout - earlier.timeout,
                status4xx - earlier.status4xx, status5xx - earlier.status5xx,
                check - earlier.check, other - earlier.other);
    }
}
