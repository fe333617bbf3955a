package io.apitune.cli;

import io.apitune.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

/** The root command's contract: version, help, one-line errors and their exit codes. */
class MainTest {
    private Cli.Result last = new Cli.Result(-1, "", "");

    private int run(String... args) {
        last = Cli.run(args);
        return last.exitCode();
    }

    @Test
    void versionNamesToolAndJvm() {
        assertThat(run("--version")).isZero();
        assertThat(last.out()).startsWith("apitune ").contains("JVM ");
    }

    @Test
    void helpListsExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).contains("Usage: apitune").contains("2 invalid input");
    }

    @Test
    void missingCommandIsInvalidInputOnOneLine() {
        assertThat(run()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().strip().lines()).hasSize(1);
        assertThat(last.err()).contains("missing command");
    }

    @Test
    void unknownOptionIsInvalidInputOnOneLine() {
        assertThat(run("--bogus")).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(last.err().strip().lines()).hasSize(1);
        assertThat(last.err()).contains("--bogus").doesNotContain("Exception");
    }
}
