package io.apitune.load;

/**
 * Failed requests by class. Immutable; thread-safe.
 */
public record ErrorCounts(long connect, long timeout, long status4xx, long status5xx, long other) {
    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0);

    /** Builds counts from an array indexed by {@link ErrorKind#ordinal()}. */
    public static ErrorCounts of(long[] byKind) {
        return new ErrorCounts(byKind[0], byKind[1], byKind[2], byKind[3], byKind[4]);
    }

    public long total() {
        return connect + timeout + status4xx + status5xx + other;
    }

    public long get(ErrorKind kind) {
        return switch (kind) {
            case CONNECT -> connect;
            case TIMEOUT -> timeout;
            case STATUS_4XX -> status4xx;
            case STATUS_5XX -> status5xx;
            case OTHER -> other;
        };
    }

    /** Counts in this minus counts in {@code earlier}: the errors of one interval. */
    public ErrorCounts minus(ErrorCounts earlier) {
        return new ErrorCounts(connect - earlier.connect, timeout - earlier.timeout,
                status4xx - earlier.status4xx, status5xx - earlier.status5xx,
                other - earlier.other);
    }
}
