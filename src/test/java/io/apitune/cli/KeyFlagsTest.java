package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.apitune.load.LoadConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The flags built from the run model's keys become the LoadConfig they describe. */
class KeyFlagsTest {
    @TempDir
    Path tmp;

    private static LoadConfig parse(String... args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.parseArgs(args);
        return KeyFlags.load(cl.getCommandSpec()).build("http://127.0.0.1:9/x/{key}");
    }

    @Test
    void defaultsAreClosedModelTenSecondsAfterAtMostTenSecondsWarmup() {
        LoadConfig config = parse();
        assertThat(config.open()).isFalse();
        assertThat(config.connections()).isEqualTo(16);
        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requests()).isNull();
        assertThat(config.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.request().method()).isEqualTo("GET");
        assertThat(config.keys().count()).isEqualTo(1000);
    }

    @Test
    void everyFlagReachesTheConfig() throws Exception {
        Path body = Files.writeString(tmp.resolve("body.json"), "{\"a\":1}");
        LoadConfig config = parse("--rate", "250.5", "--arrival", "poisson", "-n", "1234",
                "--warmup", "500ms", "--ramp-up", "3s", "--timeout", "750ms", "--keys", "77",
                "--key-dist", "zipf:0.9", "-m", "post", "-H", "Accept: application/json",
                "-H", "X-Trace:  abc ", "--body-file", body.toString());
        assertThat(config.ratePerSecond()).isEqualTo(250.5);
        assertThat(config.arrival()).isEqualTo(LoadConfig.Arrival.POISSON);
        assertThat(config.connections()).isEqualTo(64);
        assertThat(config.duration()).isNull();
        assertThat(config.requests()).isEqualTo(1234);
        assertThat(config.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.rampUp()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.keys().count()).isEqualTo(77);
        assertThat(config.keys().distribution()).isEqualTo(LoadConfig.KeySpace.Distribution.ZIPF);
        assertThat(config.keys().zipfExponent()).isEqualTo(0.9);
        assertThat(config.request().method()).isEqualTo("POST");
        assertThat(config.request().headers()).containsExactly(
                new LoadConfig.Header("Accept", "application/json"),
                new LoadConfig.Header("X-Trace", "abc"));
        assertThat(new String(config.request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void bodyTextAndZipfDefaultExponent() {
        LoadConfig config = parse("--body", "héllo", "--key-dist", "zipf", "-c", "3", "-d", "1.5s");
        assertThat(config.request().body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(config.keys().zipfExponent()).isEqualTo(1.1);
        assertThat(config.connections()).isEqualTo(3);
        assertThat(config.duration()).isEqualTo(Duration.ofMillis(1500));
    }
}
