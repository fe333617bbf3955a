package io.apitune.load;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.apitune.ApituneException;

/**
 * How the generator speaks to its target: the protocol, how many requests one connection carries
 * at once, and how TLS is verified. Immutable; validated once at construction (exit 2, naming the
 * flag); the rules that need the target's URL are in {@code run.TransportSettings}.
 *
 * @param protocol HTTP/1.1, h2c (HTTP/2 in cleartext with prior knowledge) or h2 (HTTP/2 over TLS
 *                 through ALPN)
 * @param streams  HTTP/2: concurrent streams per connection asked for, 1..{@link #MAX_STREAMS}
 *                 (the server's SETTINGS_MAX_CONCURRENT_STREAMS may lower it); 1 for HTTP/1.1
 * @param tls      certificate verification and client certificate, for https:// targets
 */
public record TransportConfig(Protocol protocol, int streams, Tls tls) {
    /** Default concurrent streams per HTTP/2 connection (the usual server limit is 100-128). */
    public static final int DEFAULT_STREAMS = 100;
    /** Most streams per connection asked for: far above any server's usual limit (100-1,000). */
    public static final int MAX_STREAMS = 10_000;
    /** HTTP/1.1, certificates verified. */
    public static final TransportConfig DEFAULT = new TransportConfig(Protocol.HTTP1, 1, Tls.VERIFY);

    /** The protocol on the wire. */
    public enum Protocol {
        /** HTTP/1.1, one request per connection at a time. */
        HTTP1("http1", "http/1.1"),
        /** HTTP/2 in cleartext with prior knowledge (no upgrade round trip), for http:// URLs. */
        H2C("h2c", "h2c"),
        /** HTTP/2 over TLS, negotiated through ALPN, for https:// URLs. */
        H2("h2", "h2");

        private final String key;
        private final String wire;

        Protocol(String key, String wire) {
            this.key = key;
            this.wire = wire;
        }

        /** As flags and scenario files write it: {@code http1}, {@code h2c}, {@code h2}. */
        public String key() {
            return key;
        }

        /** As report.json names the protocol on the wire: {@code http/1.1}, {@code h2c}, {@code h2}. */
        public String wire() {
            return wire;
        }

        public boolean http2() {
            return this != HTTP1;
        }

        /** HTTP/2 for a URL's scheme: h2 for https, h2c otherwise. */
        public static Protocol http2For(String url) {
            return url.toLowerCase(Locale.ROOT).startsWith("https:") ? H2 : H2C;
        }

        /** @throws IllegalArgumentException for anything but http1, h2c and h2 */
        public static Protocol parse(String text) {
            for (Protocol p : values()) {
                if (p.key.equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("\"" + text + "\" is not one of http1, h2c, h2");
        }
    }

    /**
     * TLS as curl does it: the server's certificate is verified (chain and host name) against the
     * JDK's trusted CAs unless {@code insecure}.
     *
     * @param insecure   skip verification ({@code --insecure})
     * @param caCert     PEM file of CA certificates to trust instead of the JDK's, or null
     * @param clientCert PEM certificate chain presented to the server (mutual TLS), or null
     * @param clientKey  PEM private key of {@code clientCert}; given with it or not at all
     * @param trusted    certificates trusted besides {@code caCert}: the in-process reference
     *                   server's own self-signed one; empty otherwise
     */
    public record Tls(boolean insecure, Path caCert, Path clientCert, Path clientKey,
            List<X509Certificate> trusted) {
        /** Verify against the JDK's trusted CAs, no client certificate. */
        public static final Tls VERIFY = new Tls(false, null, null, null, List.of());

        public Tls {
            trusted = List.copyOf(trusted);
            if ((clientCert == null) != (clientKey == null)) {
                throw ApituneException.invalidInput("--cert and --key go together: give both PEM "
                        + "files, or neither");
            }
        }

        /** The same, trusting {@code certificate} too (an in-process server's own). */
        public Tls trusting(X509Certificate certificate) {
            List<X509Certificate> all = new java.util.ArrayList<>(trusted);
            all.add(certificate);
            return new Tls(insecure, caCert, clientCert, clientKey, all);
        }

        /** How report.json describes the verification: insecure, cacert, server, default. */
        public String verification() {
            if (insecure) {
                return "insecure";
            }
            if (caCert != null) {
                return "cacert";
            }
            return trusted.isEmpty() ? "default" : "server-certificate";
        }
    }

    public TransportConfig {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(tls, "tls");
        ApituneException.require(streams >= 1 && streams <= MAX_STREAMS, "--streams", streams,
                "must be 1.." + MAX_STREAMS);
        if (!protocol.http2() && streams != 1) {
            throw ApituneException.invalidInput("--streams: needs HTTP/2 (--http2); HTTP/1.1 carries "
                    + "one request per connection at a time");
        }
    }

    /** The same with {@code value} as TLS settings. */
    public TransportConfig withTls(Tls value) {
        return new TransportConfig(protocol, streams, value);
    }
}
