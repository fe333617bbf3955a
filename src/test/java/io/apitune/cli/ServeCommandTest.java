package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;


class ServeCommandTest {
    @Test
    void unreachableDatabaseAtStartExitsThreeWithoutThePassword() {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        Cli.Result r = Cli.run("serve", "--port", "0",
                "--db-url", "postgresql://bench:hunter2@127.0.0.1:1/hello");
        String err = r.err();
        String out = r.out();
        assertThat(r.exitCode()).as(err).isEqualTo(3);
        assertThat(err).contains("postgresql://bench@127.0.0.1:1/hello")
                .contains("unreachable").doesNotContain("hunter2").doesNotContain("Exception");
        assertThat(out).doesNotContain("listening");
    }
}
