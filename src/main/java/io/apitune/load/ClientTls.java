package io.apitune.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import io.apitune.ApituneException;
import io.apitune.Problems;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

/**
 * The client's TLS context for an https:// target, as curl does it: the server's certificate
 * chain and host name are verified against the JDK's trusted CAs, or against {@code --cacert}'s
 * (plus an in-process server's own certificate), unless {@code --insecure}; {@code --cert/--key}
 * present a client certificate. ALPN offers h2 then http/1.1 for HTTP/2, nothing for HTTP/1.1
 * (the server then speaks HTTP/1.1).
 *
 * <p>Stateless; the context it builds is immutable and shared by every lane.
 */
final class ClientTls {
    private ClientTls() {
    }

    /** @throws ApituneException exit 2 when a PEM file cannot be read or used, naming its flag */
    static SslContext context(TransportConfig transport) {
        TransportConfig.Tls tls = transport.tls();
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .endpointIdentificationAlgorithm(tls.insecure() ? "" : "HTTPS");
        if (tls.insecure()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (tls.caCert() != null || !tls.trusted().isEmpty()) {
            List<X509Certificate> trusted = new ArrayList<>(tls.trusted());
            if (tls.caCert() != null) {
                trusted.addAll(certificates("--cacert", tls.caCert()));
            }
            builder.trustManager(trusted.toArray(X509Certificate[]::new));
        }
        if (tls.clientCert() != null) {
            try {
                builder.keyManager(tls.clientCert().toFile(), tls.clientKey().toFile());
            } catch (IllegalArgumentException e) {
                throw ApituneException.invalidInput("--cert/--key: " + tls.clientCert() + " and "
                        + tls.clientKey() + " are not a PEM certificate and its private key ("
                        + Problems.rootMessage(e) + ")");
            }
        }
        if (transport.protocol().http2()) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(
                    ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw ApituneException.invalidInput("--cert/--key/--cacert: cannot make a TLS context: "
                    + Problems.rootMessage(e));
        }
    }

    /** The X.509 certificates of a PEM file. */
    static List<X509Certificate> certificates(String flag, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw ApituneException.invalidInput(flag + ": " + file + " holds no PEM certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw ApituneException.invalidInput(flag + ": cannot read " + file + " ("
                    + Problems.rootMessage(e) + ")");
        } catch (CertificateException e) {
            throw ApituneException.invalidInput(flag + ": " + file + " is not a PEM certificate ("
                    + Problems.rootMessage(e) + ")");
        }
    }
}
