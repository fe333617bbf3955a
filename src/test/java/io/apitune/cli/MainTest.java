package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command's contract: version, help, one-line errors and their exit codes. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void versionNamesToolAndJvm() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("apitune ").contains("JVM ");
    }

    @Test
    void helpListsExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: apitune").contains("2 invalid input");
    }

    @Test
    void missingCommandIsInvalidInputOnOneLine() {
        assertThat(run()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("missing command");
    }

    @Test
    void unknownOptionIsInvalidInputOnOneLine() {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--bogus").doesNotContain("Exception");
    }
}
