package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.apitune.server.ServerConfig;
import picocli.CommandLine;

class ServerShapeOptionsTest {
    @Test
    void defaultsEqualServerConfigDefaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        ServerConfig expected = ServerConfig.defaults();
        assertThat(serve.shape.toConfig(serve.host, serve.port, true)).isEqualTo(expected);
    }

    @Test
    void flagsReachTheConfig() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--host", "0.0.0.0", "--port", "0",
                "--backend-latency", "5ms", "--jitter", "1.5ms", "--workers", "4", "--queue", "2",
                "--cache-size", "10", "--cache-ttl", "2s", "--db-url", "postgresql://u:p@h:5/d",
                "--db-pool", "3");
        ServerConfig c = serve.shape.toConfig(serve.host, serve.port, false);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isZero();
        assertThat(c.backendLatency().toNanos()).isEqualTo(5_000_000);
        assertThat(c.jitter().toNanos()).isEqualTo(1_500_000);
        assertThat(c.workers()).isEqualTo(4);
        assertThat(c.queue()).isEqualTo(2);
        assertThat(c.cacheSize()).isEqualTo(10);
        assertThat(c.cacheTtl().toMillis()).isEqualTo(2_000);
        assertThat(c.dbUrl()).isEqualTo("postgresql://u:p@h:5/d");
        assertThat(c.dbPool()).isEqualTo(3);
        assertThat(c.database()).isFalse();
    }

    @Test
    void metricsAreOnByDefaultAndNoMetricsTurnsThemOff() {
        ServeCommand on = new ServeCommand();
        new CommandLine(on).parseArgs();
        assertThat(on.shape.toConfig(on.host, on.port, true).metrics()).isTrue();
        ServeCommand off = new ServeCommand();
        new CommandLine(off).parseArgs("--no-metrics");
        assertThat(off.shape.toConfig(off.host, off.port, true).metrics()).isFalse();
    }

    @Test
    void invalidValuesExitTwoWithOneLineNamingTheFlag() {
        assertInvalid("--workers", "0", "--workers");
        assertInvalid("--queue", "-1", "--queue");
        assertInvalid("--backend-latency", "fast", "--backend-latency");
        assertInvalid("--cache-ttl", "0", "--cache-ttl");
        assertInvalid("--port", "70000", "--port");
        assertInvalid("--db-url", "mysql://u:hunter2@h/d", "--db-url");
    }

    @Test
    void helpListsEveryFlag() {
        Cli.Result help = Cli.run("serve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--host", "--port", "--backend-latency", "--jitter",
                "--workers", "--queue", "--cache-size", "--cache-ttl", "--db-url", "--db-pool",
                "--[no-]metrics");
    }

    private static void assertInvalid(String flag, String value, String named) {
        Cli.Result r = Cli.run("serve", flag, value);
        assertThat(r.exitCode()).as(flag + " " + value).isEqualTo(2);
        assertThat(r.err()).contains(named).doesNotContain("hunter2");
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    }
}
