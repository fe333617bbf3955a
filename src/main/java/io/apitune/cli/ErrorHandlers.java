package io.apitune.cli;

import io.apitune.ExitCodes;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.apitune.ApituneException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Turns every failure into one line on stderr and an exit code; stack traces only with --verbose. */
final class ErrorHandlers {
    private ErrorHandlers() {
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof ApituneException e) {
            return e.exitCode();
        }
        if (t instanceof ParameterException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** Bad flags or values: one line naming the problem, exit 2. */
    static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            String hint = " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
            Main.printError(cl.getErr(), cl, ex.getMessage() + hint);
            if (verbose(cl.getParseResult())) {
                ex.printStackTrace(cl.getErr());
            }
            return ExitCodes.INVALID_INPUT;
        }
    }

    /** Failures while a command runs: the exception's message, its exit code. */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            int code = exitCodeOf(ex);
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (code == ExitCodes.INTERNAL_ERROR) {
                message = "internal error: " + message + " (rerun with --verbose for details)";
            }
            Main.printError(err, cl, firstLine(message));
            if (verbose(parseResult)) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(trace);
                err.flush();
            }
            return code;
        }
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** True when --verbose appears on the root or any subcommand (it is an inherited option). */
    static boolean verbose(ParseResult result) {
        for (ParseResult pr = result; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
