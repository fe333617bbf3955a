package io.apitune.report.model;

import io.apitune.load.ProtocolUsage;

/**
 * How a run used the wire ({@code results.protocol} in report.json): the protocol asked for and
 * the one the server answered with, the requests one connection carried at once, and the TCP
 * connections made (probe and warm-up included; a reconnection counts again).
 *
 * <p>Immutable; thread-safe.
 *
 * @param requested            {@code http1}, {@code h2c} or {@code h2}
 * @param negotiated           {@code http/1.1}, {@code h2c} or {@code h2}
 * @param streamsPerConnection 1 for HTTP/1.1; over HTTP/2 the streams asked for, lowered to the
 *                             server's SETTINGS_MAX_CONCURRENT_STREAMS
 * @param connectionsOpened    TCP connections made
 */
public record ProtocolInfo(String requested, String negotiated, int streamsPerConnection,
        long connectionsOpened) {

    /** The report's form of what the generator measured; null for null. */
    public static ProtocolInfo of(ProtocolUsage usage) {
        return usage == null ? null : new ProtocolInfo(usage.requested(), usage.negotiated(),
                usage.streamsPerConnection(), usage.connectionsOpened());
    }
}
