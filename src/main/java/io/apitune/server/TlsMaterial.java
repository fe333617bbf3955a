package io.apitune.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import io.apitune.ApituneException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;

/**
 * The server's certificate chain and private key, checked before anything starts: either the
 * PEM files of {@code --tls-cert}/{@code --tls-key} (read, parsed, and the key proved to belong
 * to the certificate) or a {@link SelfSignedCertificate} made now. Hands Vert.x the material as
 * in-memory PEM, so the files are read once.
 *
 * <p>Immutable; thread-safe.
 */
final class TlsMaterial {
    private final PemKeyCertOptions keyCert;
    private final X509Certificate leaf;
    private final String description;

    private TlsMaterial(String certPem, PrivateKey key, X509Certificate leaf, String description) {
        this.keyCert = new PemKeyCertOptions()
                .addCertValue(Buffer.buffer(certPem))
                .addKeyValue(Buffer.buffer(pem("PRIVATE KEY", key.getEncoded())));
        this.leaf = leaf;
        this.description = description;
    }

    /** The material {@code network} asks for, or null when it asks for cleartext. */
    static TlsMaterial of(NetworkConfig network, String host) {
        if (!network.tls()) {
            return null;
        }
        if (network.tlsCert() == null) {
            SelfSignedCertificate.Made made = SelfSignedCertificate.make(host);
            return new TlsMaterial(pem("CERTIFICATE", encoded(made.certificate())),
                    made.keys().getPrivate(), made.certificate(), "self-signed certificate for "
                            + String.join(", ", SelfSignedCertificate.hostNames(host)));
        }
        return fromFiles(network.tlsCert(), network.tlsKey());
    }

    private static TlsMaterial fromFiles(Path certFile, Path keyFile) {
        String certPem = read("tls-cert", certFile);
        List<X509Certificate> chain = certificates(certFile, certPem);
        PrivateKey key = privateKey(keyFile, read("tls-key", keyFile));
        X509Certificate leaf = chain.get(0);
        if (!belongTogether(key, leaf)) {
            throw ApituneException.invalidInput("--tls-key: " + keyFile
                    + " is not the private key of the certificate in " + certFile);
        }
        return new TlsMaterial(certPem, key, leaf, "certificate " + certFile + " ("
                + leaf.getSubjectX500Principal().getName() + ")");
    }

    PemKeyCertOptions keyCertOptions() {
        return keyCert;
    }

    /** The certificate the server presents (the first of the chain). */
    X509Certificate certificate() {
        return leaf;
    }

    /** e.g. {@code self-signed certificate for localhost, 127.0.0.1, ::1}. */
    String description() {
        return description;
    }

    /** SHA-256 of the leaf certificate's DER, as {@code openssl x509 -fingerprint -sha256} prints it. */
    String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded(leaf));
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String read(String flag, Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw ApituneException.invalidInput("--" + flag + ": " + file + " does not exist");
        } catch (IOException | RuntimeException e) {
            throw ApituneException.invalidInput("--" + flag + ": cannot read " + file
                    + " as a PEM text file");
        }
    }

    private static List<X509Certificate> certificates(Path file, String pem) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            factory.generateCertificates(new ByteArrayInputStream(
                    pem.getBytes(StandardCharsets.US_ASCII)))
                    .forEach(c -> chain.add((X509Certificate) c));
        } catch (CertificateException e) {
            chain.clear();
        }
        if (chain.isEmpty()) {
            throw ApituneException.invalidInput("--tls-cert: " + file
                    + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file, String pem) {
        Object parsed = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            // Skips what may come first, such as the EC PARAMETERS block of OpenSSL's EC keys.
            for (Object o = parser.readObject(); o != null && parsed == null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair || o instanceof PrivateKeyInfo) {
                    parsed = o;
                }
            }
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            // Falls through to the one-line message below.
        }
        throw ApituneException.invalidInput("--tls-key: " + file + " holds no unencrypted PEM "
                + "private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)");
    }

    /** Signs a few bytes with the key and verifies them with the certificate's public key. */
    private static boolean belongTogether(PrivateKey key, X509Certificate leaf) {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "ED25519", "EDDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return leaf.getPublicKey().getAlgorithm().equalsIgnoreCase(key.getAlgorithm());
        }
        try {
            byte[] probe = "apitune".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
