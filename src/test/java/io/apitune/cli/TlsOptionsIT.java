package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apitune.server.NetworkConfig;
import io.apitune.server.ReferenceServer;
import io.apitune.server.ServerConfig;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as curl does it, against the reference server's own self-signed certificate: verified by
 * default (a self-signed target fails with one line, exit 3), accepted with {@code --insecure}
 * or with {@code --cacert} naming the certificate; h2 negotiated through ALPN; a client
 * certificate presented with {@code --cert/--key} to a server that requires one.
 */
class TlsOptionsIT {
    private static ReferenceServer server;
    private static String url;
    private static Path serverCert;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = ReferenceServer.start(new ServerConfig("127.0.0.1", 0, Duration.ofMillis(1),
                Duration.ZERO, 4, 64, 1_000, Duration.ofMinutes(1), null, 4, false)
                .withNetwork(NetworkConfig.selfSignedTls()));
        url = server.baseUrl() + "/json";
        serverCert = tmp.resolve("server.pem");
        Files.writeString(serverCert, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                        server.tlsCertificate().orElseThrow().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Cli.Result bench(Path out, String... extra) {
        String[] args = {"bench", "--url", url, "-n", "20", "--warmup", "0", "-c", "2", "-q",
                "--out", out.toString()};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return Cli.run(all);
    }

    private static JsonNode report(Path dir) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    @Test
    void aSelfSignedTargetFailsVerificationWithOneLine() {
        Path out = tmp.resolve("verified");
        Cli.Result run = bench(out);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("TLS certificate not trusted", "--cacert", "--insecure");
        assertThat(out).doesNotExist();
    }

    @Test
    void insecureSkipsVerification() throws Exception {
        Path out = tmp.resolve("insecure");
        Cli.Result run = bench(out, "--insecure");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report(out).at("/config/tls").asText()).isEqualTo("insecure");
        assertThat(report(out).at("/results/protocol/negotiated").asText()).isEqualTo("http/1.1");
    }

    @Test
    void cacertTrustsTheServersCertificateAndH2IsNegotiated() throws Exception {
        Path out = tmp.resolve("cacert");
        Cli.Result run = bench(out, "--cacert", serverCert.toString(), "--http2", "--streams", "8");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = report(out);
        assertThat(report.at("/config/tls").asText()).isEqualTo("cacert");
        assertThat(report.at("/config/protocol").asText()).isEqualTo("h2");
        assertThat(report.at("/results/protocol/negotiated").asText()).isEqualTo("h2");
        assertThat(report.at("/results/protocol/streamsPerConnection").asInt()).isEqualTo(8);
        assertThat(report.at("/results/ok").asLong()).isEqualTo(20);
        assertThat(run.out()).contains("protocol h2, 8 streams per connection");
    }

    @Test
    void aClientCertificateIsPresentedWhereTheServerRequiresOne() throws Exception {
        SelfSignedCertificate client = new SelfSignedCertificate("apitune-client");
        SelfSignedCertificate serverSide = new SelfSignedCertificate("localhost");
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer mtls = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(serverSide.certificate().getPath())
                            .setKeyPath(serverSide.privateKey().getPath()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(client.certificate().getPath()))
                    .setClientAuth(ClientAuth.REQUIRED))
                    .requestHandler(r -> r.response().end("{}"))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            String target = "https://127.0.0.1:" + mtls.actualPort() + "/";
            Cli.Result without = Cli.run("bench", "--url", target, "-n", "5", "--warmup", "0",
                    "-c", "1", "-q", "-k", "--out", tmp.resolve("no-cert").toString());
            assertThat(without.exitCode()).as(without.err()).isEqualTo(3);
            assertThat(without.err().strip().lines()).hasSize(1);

            Cli.Result with = Cli.run("bench", "--url", target, "-n", "5", "--warmup", "0",
                    "-c", "1", "-q", "-k", "--cert", client.certificate().getPath(),
                    "--key", client.privateKey().getPath(), "--out", tmp.resolve("cert").toString());
            assertThat(with.exitCode()).as(with.err()).isZero();
            assertThat(report(tmp.resolve("cert")).at("/results/ok").asLong()).isEqualTo(5);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            client.delete();
            serverSide.delete();
        }
    }
}
