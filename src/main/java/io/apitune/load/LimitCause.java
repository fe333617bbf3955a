package io.apitune.load;

/**
 * Why a run was marked limited ({@link HealthVerdict} states each rule). A run can have several.
 *
 * <p>Immutable; thread-safe.
 */
public enum LimitCause {
    /** The generator sent late: send lag p99 large against latency p99. */
    SEND_LAG,
    /** An I/O thread was stalled (GC pauses, too little CPU) long enough to reach p99. */
    STALLS,
    /** An I/O thread was saturated: throughput and latency are the generator's. */
    CPU,
    /** Open model: intended requests were never sent, and the generator held them back. */
    SHORTFALL,
    /**
     * Open model: intended requests were never sent because every connection stayed busy:
     * too few connections for this rate at the target's speed. The generator itself kept up.
     */
    CONNECTIONS;

    /** As report.json writes it: {@code send-lag}, {@code connections}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
