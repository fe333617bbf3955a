package io.apitune.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Entry point: builds the command line, runs it, exits with the code from DESIGN.md. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs apitune in-process with the standard streams; for tests use {@link #commandLine}. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The one factory that wires every subcommand, the exit-code mapper and the error handlers.
     * Tests call it with their own writers via {@link CommandLine#setOut}/{@link CommandLine#setErr}.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ApituneCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorHandlers.Execution());
        cl.setParameterExceptionHandler(new ErrorHandlers.Parameters());
        cl.setExitCodeExceptionMapper(ErrorHandlers::exitCodeOf);
        return cl;
    }

    /** Prints one error line in the shared format. */
    static void printError(PrintWriter err, CommandLine cl, String message) {
        err.println(cl.getColorScheme().errorText("apitune: " + message));
        err.flush();
    }
}
