package io.apitune.cli;

import io.apitune.ApituneException;

/** The exit codes shared by every command (DESIGN.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int INVALID_INPUT = ApituneException.INVALID_INPUT;
    public static final int TARGET_FAILURE = ApituneException.TARGET_FAILURE;
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }
}
