package io.apitune.run;

import io.apitune.load.TransportConfig;

/**
 * The settings of how the generator speaks to a target: protocol, HTTP/2 streams and TLS, each
 * with its scenario key, flags and help, written once. A switch ({@code --http2},
 * {@code --insecure}) takes no value on the command line and {@code true}/{@code false} in a
 * scenario file.
 */
public enum TransportKey implements SettingKey {
    HTTP2("http2", "", "HTTP/2: h2c with prior knowledge for http:// targets, h2 through ALPN for "
            + "https:// (as --protocol h2c or h2). The run fails (exit 3) if the server answers HTTP/1.1.",
            true),
    PROTOCOL("protocol", "http1|h2c|h2", "Protocol: http1 (default), h2c (HTTP/2 in cleartext, "
            + "prior knowledge) or h2 (HTTP/2 over TLS; with --mode the in-process server serves TLS "
            + "with a self-signed certificate the run trusts).", false),
    STREAMS("streams", "N", "HTTP/2: concurrent streams per connection (default "
            + TransportConfig.DEFAULT_STREAMS + ", lowered to the server's SETTINGS_MAX_CONCURRENT_STREAMS); "
            + "at most connections x streams requests are in flight.", false),
    INSECURE("insecure", "", "https://: do not verify the server's certificate (as curl -k). "
            + "Default: verified against the JDK's trusted CAs.", true, "-k", "--insecure"),
    CACERT("cacert", "FILE", "https://: trust the CA certificates of this PEM file instead of the "
            + "JDK's (e.g. a self-signed server's own certificate).", false),
    CERT("cert", "FILE", "https://: client certificate chain (PEM) for mutual TLS; with --key.", false),
    KEY("key", "FILE", "https://: private key (PEM, PKCS#8 or PKCS#1) of --cert.", false);

    private final Spec spec;
    private final boolean switchKey;

    TransportKey(String key, String label, String help, boolean switchKey, String... flags) {
        this.spec = Spec.of(key, label, help, flags);
        this.switchKey = switchKey;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public boolean isSwitch() {
        return switchKey;
    }
}
