package io.apitune.load;

/**
 * How a run used the wire: the protocol asked for and the one the server answered with, the
 * requests one connection carried at once, and the TCP connections made (probe, warm-up and
 * measurement; a reconnection counts again).
 *
 * <p>Immutable; thread-safe.
 *
 * @param requested            {@code http1}, {@code h2c} or {@code h2} (as the flags write it)
 * @param negotiated           {@code http/1.1}, {@code h2c} or {@code h2}
 * @param streamsPerConnection 1 for HTTP/1.1; over HTTP/2 the streams asked for, lowered to the
 *                             server's SETTINGS_MAX_CONCURRENT_STREAMS
 * @param connectionsOpened    TCP connections made
 */
public record ProtocolUsage(String requested, String negotiated, int streamsPerConnection,
        long connectionsOpened) {
}
