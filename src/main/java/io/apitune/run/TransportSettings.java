package io.apitune.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.apitune.load.TransportConfig;
import io.apitune.load.TransportConfig.Protocol;
import io.apitune.load.TransportConfig.Tls;

/**
 * The one place transport settings ({@link TransportKey}) become a {@link TransportConfig}, for
 * flags and scenario keys alike: http2 or protocol, not both; a protocol fits the URL's scheme
 * (h2c for http://, h2 for https://); streams need HTTP/2; insecure or cacert, not both; cert
 * with key; PEM files readable. Part of a run's {@link LoadSettings}.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class TransportSettings {
    private final Map<TransportKey, Setting> values = new EnumMap<>(TransportKey.class);
    /** Streams given as a shared default (compare flags, a scenario's defaults), not by the run. */
    private Setting inheritedStreams;
    private final Naming naming;

    public TransportSettings(Naming naming) {
        this.naming = naming;
    }

    public TransportSettings set(TransportKey key, Setting value) {
        values.put(key, value);
        return this;
    }

    /** True when {@code key} was given. */
    public boolean has(TransportKey key) {
        return values.containsKey(key);
    }

    /** Adds every setting of {@code other}, which win over this one's. */
    void putAll(TransportSettings other) {
        values.putAll(other.values);
    }

    /**
     * This run's settings over shared {@code defaults}. A run giving http2 or protocol drops the
     * other from the defaults; streams from the defaults apply only to HTTP/2 runs.
     */
    TransportSettings over(TransportSettings defaults) {
        TransportSettings merged = new TransportSettings(naming);
        merged.values.putAll(defaults.values);
        if (has(TransportKey.HTTP2) || has(TransportKey.PROTOCOL)) {
            merged.values.remove(TransportKey.HTTP2);
            merged.values.remove(TransportKey.PROTOCOL);
        }
        if (!has(TransportKey.STREAMS)) {
            merged.inheritedStreams = merged.values.remove(TransportKey.STREAMS);
        }
        merged.values.putAll(values);
        return merged;
    }

    /** The value given for {@code key}, if any. */
    Optional<Setting> given(TransportKey key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Checks every rule and builds the transport for {@code url}: absolute, or a path alone for
     * an in-process server (cleartext, or TLS for h2).
     */
    public TransportConfig build(String url) {
        Protocol protocol = protocol(url);
        Optional<Setting> own = given(TransportKey.STREAMS);
        Optional<Setting> streams = own.isPresent() ? own : Optional.ofNullable(inheritedStreams);
        if (own.isPresent() && !protocol.http2()) {
            throw own.get().fail("needs HTTP/2 (" + naming.of(TransportKey.HTTP2) + " or "
                    + naming.of(TransportKey.PROTOCOL) + " h2c|h2): HTTP/1.1 carries one request per "
                    + "connection at a time");
        }
        int count = !protocol.http2() ? 1 : streams.map(s -> s.intValue(1, TransportConfig.MAX_STREAMS))
                .orElse(TransportConfig.DEFAULT_STREAMS);
        return new TransportConfig(protocol, count, tls());
    }

    private Protocol protocol(String url) {
        Optional<Setting> http2 = given(TransportKey.HTTP2);
        Optional<Setting> protocol = given(TransportKey.PROTOCOL);
        if (http2.isPresent() && protocol.isPresent()) {
            throw protocol.get().fail(naming.eitherOr(TransportKey.HTTP2, TransportKey.PROTOCOL));
        }
        if (http2.isPresent()) {
            return http2.get().bool() ? Protocol.http2For(url) : Protocol.HTTP1;
        }
        if (protocol.isEmpty()) {
            return Protocol.HTTP1;
        }
        Protocol chosen = Protocol.parse(protocol.get().choice("http1", "h2c", "h2"));
        String scheme = url.toLowerCase(Locale.ROOT);
        if (chosen == Protocol.H2C && scheme.startsWith("https:")) {
            throw protocol.get().fail("h2c is HTTP/2 in cleartext, not for an https:// URL (h2 is)");
        }
        if (chosen == Protocol.H2 && scheme.startsWith("http:")) {
            throw protocol.get().fail("h2 is HTTP/2 over TLS, not for an http:// URL (h2c is)");
        }
        return chosen;
    }

    private Tls tls() {
        boolean insecure = given(TransportKey.INSECURE).map(Setting::bool).orElse(false);
        Optional<Setting> caCert = given(TransportKey.CACERT);
        if (insecure && caCert.isPresent()) {
            throw caCert.get().fail(naming.eitherOr(TransportKey.INSECURE, TransportKey.CACERT));
        }
        Optional<Setting> cert = given(TransportKey.CERT);
        Optional<Setting> key = given(TransportKey.KEY);
        if (cert.isPresent() != key.isPresent()) {
            Setting given = cert.orElseGet(key::get);
            throw given.fail("needs " + naming.of(cert.isPresent() ? TransportKey.KEY : TransportKey.CERT)
                    + " (a client certificate and its private key go together)");
        }
        return new Tls(insecure, caCert.map(TransportSettings::readable).orElse(null),
                cert.map(TransportSettings::readable).orElse(null),
                key.map(TransportSettings::readable).orElse(null), List.of());
    }

    private static Path readable(Setting setting) {
        Path path = Path.of(setting.trimmed());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw setting.fail("cannot read " + path);
        }
        return path;
    }
}
