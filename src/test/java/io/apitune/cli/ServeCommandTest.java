package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;

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

    @Test
    void invalidHostDbUrlAndTlsFilesAreOneLineExitTwoBeforeAnythingStarts() {
        assertOneLine(2, "apitune: --host: '999.1.1.1' is not an IPv4 address (four numbers "
                + "0..255, e.g. 127.0.0.1)", "serve", "--host", "999.1.1.1", "--port", "0");
        assertOneLine(2, "apitune: --db-url: port 99999 must be 1..65535",
                "serve", "--port", "0", "--db-url", "postgresql://bench:hunter2@127.0.0.1:99999/d");
        assertOneLine(2, "apitune: --tls-cert: nowhere.pem does not exist",
                "serve", "--port", "0", "--tls-cert", "nowhere.pem", "--tls-key", "nowhere.key");
        assertOneLine(2, "apitune: --tls-cert and --tls-key go together: give both PEM files, "
                + "or neither for a self-signed certificate", "serve", "--tls-key", "k.pem");
        assertOneLine(2, "apitune: --header-timeout: \"-1\" is not a duration (write e.g. 500us, "
                + "20ms, 1.5s, 2m)", "serve", "--header-timeout", "-1");
    }

    @Test
    void aBusyPortIsExitThreeBeforeTheDatabaseStarts() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertOneLine(3, "apitune: port " + port + " on 127.0.0.1 is already in use",
                    "serve", "--port", String.valueOf(port));
        }
    }

    @Test
    void helpDocumentsEveryNetworkFlag() {
        Cli.Result r = Cli.run("serve", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--tls ", "--tls-cert=FILE", "--tls-key=FILE",
                "--idle-timeout=DURATION", "Default: 60s", "--header-timeout=DURATION",
                "Default: 10s", "h2c");
        assertThat(r.err()).isEmpty();
    }

    /** Exactly one line on stderr (nothing started, so no progress line either), no stdout. */
    private static void assertOneLine(int exitCode, String line, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(exitCode);
        assertThat(r.err().lines().toList()).containsExactly(line);
        assertThat(r.out()).isEmpty();
    }
}
