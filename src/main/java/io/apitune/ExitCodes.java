package io.apitune;

/** The exit codes shared by every command (DESIGN.md); one table for the whole tool. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int TARGET_FAILURE = 3;
    public static final int INTERNAL_ERROR = 4;
    /** A gate could not be decided (the generator limited the run, a shard is missing, ...). */
    public static final int INCONCLUSIVE = 5;

    private ExitCodes() {
    }
}
