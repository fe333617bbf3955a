package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** --shard and --start-at are checked before any load is sent (exit 2, one line). */
class ShardFlagsTest {
    private static final String URL = "http://127.0.0.1:18899/x";

    @Test
    void aShardNeedsACommonStartTime() {
        Cli.Result r = Cli.run("bench", "--url", URL, "--rate", "100", "--shard", "1/3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--shard").contains("needs --start-at");
    }

    @Test
    void theShardMustBeOneOfN() {
        Cli.Result r = Cli.run("bench", "--url", URL, "--shard", "3/3", "--start-at", "+1m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("\"3/3\" is not a shard");
    }

    @Test
    void theStartTimeMustBeInTheFuture() {
        Cli.Result r = Cli.run("bench", "--url", URL, "--shard", "0/2", "--start-at", "2020-01-01T00:00:00Z");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not in the future");
    }

    @Test
    void connectionsMustSplit() {
        Cli.Result r = Cli.run("bench", "--url", URL, "--connections", "2", "--shard", "0/3",
                "--start-at", "+1m");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("2 connections cannot be split over 3 shards");
    }

    @Test
    void capacityIsNotSharded() {
        Cli.Result r = Cli.run("capacity", "--url", URL, "--shard", "0/3");
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
