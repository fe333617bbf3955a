package io.apitune.gate;

import io.apitune.ExitCodes;

/** What a gate concluded. */
public enum Outcome {
    /** The measurement is on the good side of the limit. */
    PASS,
    /** The measurement is on the bad side of the limit. */
    FAIL,
    /**
     * The gate could not be decided: the generator limited the run, a shard is missing, or a
     * confidence interval straddles the limit.
     */
    INCONCLUSIVE;

    /** The exit code of a set of outcomes: any fail is 1, else any inconclusive is 5, else 0. */
    public static int exitCode(Iterable<Outcome> outcomes) {
        boolean inconclusive = false;
        for (Outcome o : outcomes) {
            if (o == FAIL) {
                return ExitCodes.GATE_FAILED;
            }
            inconclusive |= o == INCONCLUSIVE;
        }
        return inconclusive ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }

    /** Lower case, as report.json writes it. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
