package io.apitune.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.apitune.ApituneException;
import io.apitune.Durations;

/**
 * How the reference server meets its clients: cleartext (HTTP/1.1 and h2c) or TLS (h2 and
 * HTTP/1.1 through ALPN), and how long a connection may stay silent or take to send a request
 * head. Immutable; validated once at construction (exit 2, naming the flag).
 *
 * @param tls           serve TLS instead of cleartext; true whenever {@code tlsCert} is given
 * @param tlsCert       PEM certificate chain, or null for a self-signed certificate made at start
 * @param tlsKey        PEM private key (PKCS#8 or PKCS#1) of {@code tlsCert}; given with it or not at all
 * @param idleTimeout   a connection with nothing read or written for this long is closed;
 *                      zero turns it off; at least 1 ms otherwise
 * @param headerTimeout a request head (request line and headers) must arrive within this long
 *                      of its first byte (of the connection's start, for the first request);
 *                      zero turns it off; at least 1 ms otherwise
 */
public record NetworkConfig(boolean tls, Path tlsCert, Path tlsKey, Duration idleTimeout,
        Duration headerTimeout) {

    /** Idle connections are closed after this long (nginx keeps them 75 s, Tomcat 60 s). */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** A client gets this long to send a request head (nginx: 60 s; Go servers often 5-10 s). */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    public NetworkConfig {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if ((tlsCert == null) != (tlsKey == null)) {
            throw ApituneException.invalidInput("--tls-cert and --tls-key go together: give both "
                    + "PEM files, or neither for a self-signed certificate");
        }
        tls = tls || tlsCert != null;
        checkTimeout("idle-timeout", idleTimeout);
        checkTimeout("header-timeout", headerTimeout);
    }

    /** Cleartext, with the default timeouts. */
    public static NetworkConfig defaults() {
        return new NetworkConfig(false, null, null, DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT);
    }

    /** TLS with a self-signed certificate made at start, the default timeouts otherwise. */
    public static NetworkConfig selfSignedTls() {
        return new NetworkConfig(true, null, null, DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_TIMEOUT);
    }

    /** {@code https} with TLS, {@code http} otherwise. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    private static void checkTimeout(String flag, Duration value) {
        if (value.isNegative() || (!value.isZero() && value.toMillis() < 1)) {
            throw ApituneException.invalidInput("--" + flag + ": " + (value.isNegative()
                    ? value.toString() : Durations.format(value)) + " must be 0 (off) or at least 1ms");
        }
    }
}
