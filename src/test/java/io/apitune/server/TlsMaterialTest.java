package io.apitune.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.apitune.ApituneException;

/** The certificate and key the server serves: made at start, or read from PEM files. */
class TlsMaterialTest {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedCertificateNamesLoopbackAndTheHostAndHasAPrintableFingerprint()
            throws Exception {
        TlsMaterial made = TlsMaterial.of(NetworkConfig.selfSignedTls(), "127.0.0.2");
        assertThat(made.description())
                .isEqualTo("self-signed certificate for localhost, 127.0.0.1, ::1, 127.0.0.2");
        assertThat(made.certificate().getSubjectAlternativeNames().stream()
                .map(name -> String.valueOf(name.get(1))).toList())
                .containsExactly("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "127.0.0.2");
        made.certificate().checkValidity();
        made.certificate().verify(made.certificate().getPublicKey());
        assertThat(made.sha256Fingerprint()).isEqualTo(sha256(made.certificate().getEncoded()));
        assertThat(TlsMaterial.of(NetworkConfig.defaults(), "127.0.0.1")).isNull();
    }

    @Test
    void pemFilesAreReadAndTheKeyMustBelongToTheCertificate() throws Exception {
        SelfSignedCertificate.Made made = SelfSignedCertificate.make("127.0.0.1");
        Path cert = write("cert.pem", made.certificate());
        Path key = write("key.pem", new JcaPKCS8Generator(made.keys().getPrivate(), null));
        TlsMaterial read = TlsMaterial.of(files(cert, key), "127.0.0.1");
        assertThat(read.certificate()).isEqualTo(made.certificate());
        assertThat(read.description()).startsWith("certificate " + cert + " (")
                .contains("CN=localhost");

        Path otherKey = write("other.pem", new JcaPKCS8Generator(
                SelfSignedCertificate.make("127.0.0.1").keys().getPrivate(), null));
        assertInvalid(files(cert, otherKey), "--tls-key: " + otherKey
                + " is not the private key of the certificate in " + cert);
    }

    @Test
    void rsaKeysInPkcs1FormAreAccepted() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        Path key = write("rsa.pem", keys.getPrivate());
        assertThat(Files.readString(key)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        Path cert = write("cert.pem", SelfSignedCertificate.make("127.0.0.1").certificate());
        // An RSA key cannot belong to the EC certificate: parsed, then rejected as a mismatch.
        assertInvalid(files(cert, key), "--tls-key: " + key
                + " is not the private key of the certificate in " + cert);
    }

    @Test
    void missingOrMalformedFilesAreOneLineInvalidInput() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a PEM file\n");
        Path cert = write("cert.pem", SelfSignedCertificate.make("127.0.0.1").certificate());
        assertInvalid(files(dir.resolve("none.pem"), garbage),
                "--tls-cert: " + dir.resolve("none.pem") + " does not exist");
        assertInvalid(files(garbage, garbage), "--tls-cert: " + garbage
                + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertInvalid(files(cert, garbage), "--tls-key: " + garbage + " holds no unencrypted PEM "
                + "private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)");
        assertThatThrownBy(() -> new NetworkConfig(false, cert, null, Duration.ZERO, Duration.ZERO))
                .hasMessageStartingWith("--tls-cert and --tls-key go together");
    }

    @Test
    void aCertificateImpliesTlsAndTimeoutsAreZeroOrAtLeastAMillisecond() {
        Path cert = dir.resolve("c.pem");
        assertThat(new NetworkConfig(false, cert, cert, Duration.ZERO, Duration.ZERO).tls()).isTrue();
        assertThat(NetworkConfig.defaults().scheme()).isEqualTo("http");
        assertThat(NetworkConfig.selfSignedTls().scheme()).isEqualTo("https");
        assertThatThrownBy(() -> new NetworkConfig(false, null, null, Duration.ofNanos(10),
                Duration.ZERO)).hasMessage("--idle-timeout: 10ns must be 0 (off) or at least 1ms");
        assertThatThrownBy(() -> new NetworkConfig(false, null, null, Duration.ZERO,
                Duration.ofSeconds(-1))).hasMessageStartingWith("--header-timeout: ");
    }

    private NetworkConfig files(Path cert, Path key) {
        return new NetworkConfig(true, cert, key, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    private Path write(String name, Object pemObject) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(pemObject);
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    private static void assertInvalid(NetworkConfig network, String message) {
        assertThatThrownBy(() -> TlsMaterial.of(network, "127.0.0.1"))
                .isInstanceOf(ApituneException.class).hasMessage(message)
                .extracting(e -> ((ApituneException) e).exitCode()).isEqualTo(2);
    }

    private static String sha256(byte[] der) throws Exception {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
