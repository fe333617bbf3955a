package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;

import io.apitune.Durations;
import io.apitune.server.ServerConfig;
import picocli.CommandLine;

class ShapeFlagsTest {
    @Test
    void defaultsEqualServerConfigDefaults() {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.parseArgs();
        ServerConfig expected = ServerConfig.defaults();
        assertThat(KeyFlags.shape(cl.getCommandSpec()).build(serve.host, serve.port, true)).isEqualTo(expected);
    }

    @Test
    void helpStatesTheDefaultsServerConfigUses() {
        ServerConfig d = ServerConfig.defaults();
        CommandLine serve = new CommandLine(new ServeCommand());
        assertThat(Durations.parse(defaultIn(serve, "--backend-latency"))).isEqualTo(d.backendLatency());
        assertThat(Durations.parse(defaultIn(serve, "--jitter"))).isEqualTo(d.jitter());
        assertThat(Durations.parse(defaultIn(serve, "--cache-ttl"))).isEqualTo(d.cacheTtl());
        assertThat(Integer.parseInt(defaultIn(serve, "--workers"))).isEqualTo(d.workers());
        assertThat(Integer.parseInt(defaultIn(serve, "--queue"))).isEqualTo(d.queue());
        assertThat(Long.parseLong(defaultIn(serve, "--cache-size"))).isEqualTo(d.cacheSize());
        assertThat(Integer.parseInt(defaultIn(serve, "--db-pool"))).isEqualTo(d.dbPool());
    }

    /** The value after "Default: " in an option's help text. */
    private static String defaultIn(CommandLine cl, String option) {
        String text = String.join(" ", cl.getCommandSpec().findOption(option).description());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Default: (\\S+?)\\.?$").matcher(text);
        assertThat(m.find()).as(option + ": " + text).isTrue();
        return m.group(1);
    }

    @Test
    void flagsReachTheConfig() {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.parseArgs("--host", "0.0.0.0", "--port", "0",
                "--backend-latency", "5ms", "--jitter", "1.5ms", "--workers", "4", "--queue", "2",
                "--cache-size", "10", "--cache-ttl", "2s", "--db-url", "postgresql://u:p@h:5/d",
                "--db-pool", "3");
        ServerConfig c = KeyFlags.shape(cl.getCommandSpec()).build(serve.host, serve.port, false);
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
        assertThat(on.metrics).isTrue();
        ServeCommand off = new ServeCommand();
        new CommandLine(off).parseArgs("--no-metrics");
        assertThat(off.metrics).isFalse();
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
