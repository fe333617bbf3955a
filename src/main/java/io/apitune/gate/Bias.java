package io.apitune.gate;

/**
 * Which way the load generator may have moved a figure of a run it limited. Its own delay can
 * only make the target look slower: latency measured higher, throughput lower than the
 * target's. A gate whose outcome such a bias cannot flip still holds; one it could flip is
 * inconclusive.
 */
public enum Bias {
    /** The generator did not move this figure. */
    NONE,
    /** The measured value may be above the target's true value (latency under send lag). */
    HIGH,
    /** The measured value may be below the target's true value (throughput of a limited run). */
    LOW,
    /** Either way, or unknown (requests never sent, timeouts the generator may have caused). */
    ANY;

    /**
     * True when this bias of the left side ({@code left = true}) or of the right side could
     * have flipped a gate {@code left OP right} that came out {@code passed}.
     */
    boolean couldFlip(Operator operator, boolean left, boolean passed) {
        if (this == NONE) {
            return false;
        }
        if (this == ANY || operator == Operator.EQUAL) {
            return true;
        }
        boolean atMost = operator == Operator.LESS || operator == Operator.LESS_OR_EQUAL;
        // For "left <= right": a left measured too high can only have caused a failure, a right
        // measured too high only a pass; LOW is the mirror, and ">=" mirrors it again.
        boolean highFlipsPass = atMost != left;
        return (this == HIGH) == highFlipsPass ? passed : !passed;
    }
}
