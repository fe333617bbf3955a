package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.apitune.ApituneException;

/** What {@link ReferenceServer#start} rejects before it starts anything. */
class StartChecksTest {
    @Test
    void malformedUnknownAndForeignHostsAreInvalidInput() {
        assertInvalid("999.1.1.1", "--host: '999.1.1.1' is not an IPv4 address "
                + "(four numbers 0..255, e.g. 127.0.0.1)");
        assertInvalid("1.2.3", null);
        assertInvalid("no-such-host.invalid", "--host: cannot resolve 'no-such-host.invalid'");
        // TEST-NET-1 (RFC 5737): never an address of a real machine.
        assertInvalid("192.0.2.1", "--host: 192.0.2.1 (192.0.2.1) is not an address of this machine");
        assertInvalid(" ", "--host: must not be empty");
    }

    @Test
    void loopbackWildcardAndIpv6LiteralsAreAccepted() {
        assertThat(StartChecks.localAddress("127.0.0.1").isLoopbackAddress()).isTrue();
        assertThat(StartChecks.localAddress("localhost").isLoopbackAddress()).isTrue();
        assertThat(StartChecks.localAddress("0.0.0.0").isAnyLocalAddress()).isTrue();
        assertThat(StartChecks.localAddress("::1").isLoopbackAddress()).isTrue();
        assertThat(StartChecks.localAddress("[::1]").isLoopbackAddress()).isTrue();
    }

    @Test
    void aBusyPortIsATargetFailureFoundBeforeAnythingStarts() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            // database=true: were the check made after the database, this would start one.
            ServerConfig config = new ServerConfig("127.0.0.1", busy.getLocalPort(), Duration.ZERO,
                    Duration.ZERO, 1, 0, 1, Duration.ofSeconds(1),
                    "postgresql://nobody@127.0.0.1:1/none", 1, true);
            assertThatThrownBy(() -> ReferenceServer.start(config))
                    .isInstanceOf(ApituneException.class)
                    .hasMessage("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use")
                    .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(3);
        }
    }

    @Test
    void aBadTlsFileIsFoundBeforeTheBusyPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            ServerConfig config = new ServerConfig("127.0.0.1", busy.getLocalPort(), Duration.ZERO,
                    Duration.ZERO, 1, 0, 1, Duration.ofSeconds(1), null, 1, false)
                    .withNetwork(new NetworkConfig(false, java.nio.file.Path.of("missing.pem"),
                            java.nio.file.Path.of("missing.key"), Duration.ZERO, Duration.ZERO));
            assertThatThrownBy(() -> ReferenceServer.start(config))
                    .hasMessage("--tls-cert: missing.pem does not exist")
                    .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
        }
    }

    private static void assertInvalid(String host, String message) {
        var thrown = assertThatThrownBy(() -> StartChecks.localAddress(host))
                .isInstanceOf(ApituneException.class);
        if (message != null) {
            thrown.hasMessage(message);
        } else {
            thrown.hasMessageStartingWith("--host: ");
        }
        thrown.extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }
}
