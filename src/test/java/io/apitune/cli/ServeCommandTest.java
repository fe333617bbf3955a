package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class ServeCommandTest {
    @Test
    void unreachableDatabaseAtStartExitsThreeWithoutThePassword() {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        int code = cl.execute("serve", "--port", "0",
                "--db-url", "postgresql://bench:hunter2@127.0.0.1:1/hello");
        assertThat(code).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("postgresql://bench@127.0.0.1:1/hello")
                .contains("unreachable").doesNotContain("hunter2").doesNotContain("Exception");
        assertThat(out.toString()).doesNotContain("listening");
    }
}
