package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.ssl.NotSslRecordException;

/** Connection errors: one line a second at most, counting the rest; clients that left: none. */
class ConnectionErrorsTest {
    @Test
    void aBurstIsOneLineAndTheNextLineCountsWhatWasLeftOut() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        ConnectionErrors errors = new ConnectionErrors(PipeliningIT.recording(lines));
        for (int i = 0; i < 100; i++) {
            errors.handle(new SSLHandshakeException("Received fatal alert: bad_certificate"));
        }
        assertThat(lines).containsExactly(
                "warning: connection error: TLS: Received fatal alert: bad_certificate");
        Thread.sleep(ConnectionErrors.LINE_INTERVAL_NANOS / 1_000_000 + 100);
        errors.handle(Http2Exception.connectionError(
                io.netty.handler.codec.http2.Http2Error.PROTOCOL_ERROR, "bad frame"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("warning: connection error: protocol: bad frame "
                + "(and 99 more since the last such line)");
    }

    @Test
    void clientsThatLeftAreCountedNotReported() {
        List<String> lines = new ArrayList<>();
        ConnectionErrors errors = new ConnectionErrors(PipeliningIT.recording(lines));
        errors.handle(new IOException("Connection reset by peer"));
        errors.handle(new java.nio.channels.ClosedChannelException());
        errors.handle(new io.vertx.core.http.HttpClosedException("Connection was closed"));
        assertThat(lines).isEmpty();
        assertThat(errors.clientsGone()).isEqualTo(3);
    }

    @Test
    void cleartextOnTheTlsPortAndLongMessagesAreOneShortLine() {
        assertThat(ConnectionErrors.describe(new NotSslRecordException("not an SSL/TLS record: "
                + "474554202f")))
                .isEqualTo("TLS: a client sent something other than TLS (plain HTTP?) to this TLS port");
        String longMessage = "x".repeat(500) + "\nsecond line";
        assertThat(ConnectionErrors.describe(new IllegalStateException(longMessage)))
                .isEqualTo("protocol: " + "x".repeat(160) + "...");
    }
}
