package io.apitune.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.ExitCodes;
import io.apitune.run.LoadSettings;
import io.apitune.run.Naming;
import io.apitune.run.Rounds;
import io.apitune.run.RunPlan;
import io.apitune.run.RunSpec;
import io.apitune.scenario.ScenarioParser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every rule about a run's target and load, through both of its sources: the bench flags and a
 * scenario run's keys. Each row breaks one rule both ways and expects the same problem, named in
 * each source's own words. A new rule is one row here.
 */
class RunRulesTest {
    /** flags | scenario run keys (YAML flow map entries) | message after a flag | message after a key. */
    static Stream<Arguments> rules() {
        return Stream.of(
            row("--mode async-db --queries 501", "mode: async-db, queries: 501",
                    "--queries: 501 must be at most 500", "runs[0].queries: 501 must be at most 500"),
            row("--mode async-db --queries 0", "mode: async-db, queries: 0",
                    "--queries: 0 must be at least 1", "runs[0].queries: 0 must be at least 1"),
            row("--mode async --queries 5", "mode: async, queries: 5",
                    "--queries: only applies to the database modes", "runs[0].queries: only applies to the database modes"),
            row("--mode turbo", "mode: turbo",
                    "--mode: \"turbo\" is not a mode", "runs[0].mode: \"turbo\" is not a mode"),
            row("--mode async --url http://h/", "mode: async, url: \"http://h/\"",
                    "--url: give exactly one of --mode and --url", "runs[0].url: give exactly one of mode and url"),
            row("--url ftp://h/x", "url: \"ftp://h/x\"",
                    "--url: \"ftp://h/x\" is not an http:// or https:// URL",
                    "runs[0].url: \"ftp://h/x\" is not an http:// or https:// URL"),
            row("--mode async --server ftp://h:1", "mode: async, server-url: \"ftp://h:1\"",
                    "--server: \"ftp://h:1\" is not http://host:port", "runs[0].server-url: \"ftp://h:1\" is not http://host:port"),
            row("--mode async --server http://h:1/x", "mode: async, server-url: \"http://h:1/x\"",
                    "--server: \"http://h:1/x\" is not http://host:port",
                    "runs[0].server-url: \"http://h:1/x\" is not http://host:port"),
            row("--server http://h:1", "server-url: \"http://h:1\"",
                    "--server: needs --mode to choose the endpoint", "runs[0].server-url: needs mode to choose the endpoint"),
            row("--url http://h/ --queries 3", "url: \"http://h/\", queries: 3",
                    "--queries: needs --mode, not --url", "runs[0].queries: needs mode, not url"),
            row("--mode async --server http://h:1 --workers 2", "mode: async, server-url: \"http://h:1\", server: {workers: 2}",
                    "--workers: shapes the in-process server; not with --server",
                    "runs[0].server: shapes the in-process server; not with server-url"),
            row("--url http://h/ --cache-ttl 5s", "url: \"http://h/\", server: {cache-ttl: 5s}",
                    "--cache-ttl: shapes the in-process server; not with --url",
                    "runs[0].server: shapes the in-process server; not with url"),
            row("--mode async --workers 0", "mode: async, server: {workers: 0}",
                    "--workers: 0 must be at least 1", "runs[0].server.workers: 0 must be at least 1"),
            row("--mode async --db-url mysql://u:hunter2@h/d", "mode: async, server: {db-url: \"mysql://u:hunter2@h/d\"}",
                    "--db-url: expected postgresql://", "runs[0].server.db-url: expected postgresql://"),
            row("--mode async --rate fast", "mode: async, rate: fast",
                    "--rate: \"fast\" is not a rate", "runs[0].rate: \"fast\" is not a rate"),
            row("--mode async --rate 0", "mode: async, rate: 0",
                    "--rate: \"0\" is not a rate", "runs[0].rate: \"0\" is not a rate"),
            row("--mode async --ramp-up 2s", "mode: async, ramp-up: 2s",
                    "--ramp-up: needs a rate", "runs[0].ramp-up: needs a rate"),
            row("--mode async --arrival poisson", "mode: async, arrival: poisson",
                    "--arrival: needs a rate", "runs[0].arrival: needs a rate"),
            row("--mode async --rate 5 --arrival bursty", "mode: async, rate: 5, arrival: bursty",
                    "--arrival: \"bursty\" is not one of constant, poisson",
                    "runs[0].arrival: \"bursty\" is not one of constant, poisson"),
            row("--mode async -d 1s -n 10", "mode: async, duration: 1s, requests: 10",
                    "--requests: give either --duration or --requests, not both",
                    "runs[0].requests: give either duration or requests, not both"),
            row("--mode async -d 0", "mode: async, duration: 0",
                    "--duration: must be positive", "runs[0].duration: must be positive"),
            row("--mode async -d 10", "mode: async, duration: 10",
                    "--duration: \"10\" is not a duration", "runs[0].duration: \"10\" is not a duration"),
            row("--mode async -n 0", "mode: async, requests: 0",
                    "--requests: 0 must be at least 1", "runs[0].requests: 0 must be at least 1"),
            row("--mode async --timeout 0", "mode: async, timeout: 0",
                    "--timeout: must be positive", "runs[0].timeout: must be positive"),
            row("--mode async --warmup soon", "mode: async, warmup: soon",
                    "--warmup: \"soon\" is not a duration", "runs[0].warmup: \"soon\" is not a duration"),
            row("--mode async -c 0", "mode: async, connections: 0",
                    "--connections: 0 must be at least 1", "runs[0].connections: 0 must be at least 1"),
            row("--mode async --keys 0", "mode: async, keys: 0",
                    "--keys: 0 must be at least 1", "runs[0].keys: 0 must be at least 1"),
            row("--mode async --key-dist zipf:-1", "mode: async, key-dist: \"zipf:-1\"",
                    "--key-dist: \"zipf:-1\" is not a key distribution", "runs[0].key-dist: \"zipf:-1\" is not a key distribution"),
            row("--mode async --key-dist zipf --keys 3000000", "mode: async, key-dist: zipf, keys: 3000000",
                    "--keys: 3000000 keys is more than the", "runs[0].keys: 3000000 keys is more than the"),
            row("--mode async -m G/T", "mode: async, method: G/T",
                    "--method: \"G/T\" is not an HTTP method", "runs[0].method: \"G/T\" is not an HTTP method"),
            row("--mode async -H NoColon", "mode: async, headers: [NoColon]",
                    "--header: \"NoColon\" is not a header", "runs[0].headers[0]: \"NoColon\" is not a header"),
            row("--mode async --body x --body-file y", "mode: async, body: x, body-file: y",
                    "--body-file: give either --body or --body-file, not both",
                    "runs[0].body-file: give either body or body-file, not both"),
            row("--mode async --http2 --protocol h2c", "mode: async, http2: true, protocol: h2c",
                    "--protocol: give either --http2 or --protocol, not both",
                    "runs[0].protocol: give either http2 or protocol, not both"),
            row("--mode async --protocol h3", "mode: async, protocol: h3",
                    "--protocol: \"h3\" is not one of http1, h2c, h2", "runs[0].protocol: \"h3\" is not one of http1, h2c, h2"),
            row("--url https://h/ --protocol h2c", "url: \"https://h/\", protocol: h2c",
                    "--protocol: h2c is HTTP/2 in cleartext, not for an https:// URL",
                    "runs[0].protocol: h2c is HTTP/2 in cleartext, not for an https:// URL"),
            row("--url http://h/ --protocol h2", "url: \"http://h/\", protocol: h2",
                    "--protocol: h2 is HTTP/2 over TLS, not for an http:// URL",
                    "runs[0].protocol: h2 is HTTP/2 over TLS, not for an http:// URL"),
            row("--mode async --streams 8", "mode: async, streams: 8",
                    "--streams: needs HTTP/2 (--http2 or --protocol h2c|h2)",
                    "runs[0].streams: needs HTTP/2 (http2 or protocol h2c|h2)"),
            row("--mode async --http2 --streams 0", "mode: async, http2: true, streams: 0",
                    "--streams: 0 must be at least 1", "runs[0].streams: 0 must be at least 1"),
            row("--mode async --http2 --streams 10001", "mode: async, http2: true, streams: 10001",
                    "--streams: 10001 must be at most 10000", "runs[0].streams: 10001 must be at most 10000"),
            row("--url https://h/ --insecure --cacert pom.xml", "url: \"https://h/\", insecure: true, cacert: pom.xml",
                    "--cacert: give either --insecure or --cacert, not both",
                    "runs[0].cacert: give either insecure or cacert, not both"),
            row("--url https://h/ --cacert no-such.pem", "url: \"https://h/\", cacert: no-such.pem",
                    "--cacert: cannot read no-such.pem", "runs[0].cacert: cannot read"),
            row("--url https://h/ --cert pom.xml", "url: \"https://h/\", cert: pom.xml",
                    "--cert: needs --key (a client certificate and its private key go together)",
                    "runs[0].cert: needs key (a client certificate and its private key go together)"));
    }

    private static Arguments row(String flags, String keys, String flagMessage, String keyMessage) {
        return Arguments.of(flags, keys, flagMessage, keyMessage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleHoldsForFlagsAndScenarioKeys(String flags, String keys, String flagMessage,
            String keyMessage) {
        assertSameRule(() -> fromFlags(flags), () -> fromScenario(keys), flags, keys, flagMessage, keyMessage);
    }

    /** Both sources break the rule: exit 2, each message in its own words, no secret shown. */
    private static void assertSameRule(ThrowingCallable flagSource, ThrowingCallable keySource,
            String flags, String keys, String flagMessage, String keyMessage) {
        ApituneException fromFlags = catchThrowableOfType(flagSource, ApituneException.class);
        assertThat(fromFlags).as(flags).isNotNull();
        assertThat(fromFlags.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fromFlags.getMessage()).startsWith(flagMessage).doesNotContain("hunter2");

        ApituneException fromKeys = catchThrowableOfType(keySource, ApituneException.class);
        assertThat(fromKeys).as(keys).isNotNull();
        assertThat(fromKeys.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fromKeys.getMessage()).matches("s\\.yaml:\\d+:\\d+: .*")
                .contains(": " + keyMessage).doesNotContain("hunter2");
    }

    /** Settings that are allowed both ways, so the rules above are not simply "everything fails". */
    static Stream<Arguments> allowed() {
        return Stream.of(
            Arguments.of("--mode async --ramp-up 0s", "mode: async, ramp-up: 0s"),
            Arguments.of("--mode async-db --queries 500", "mode: async-db, queries: 500"),
            Arguments.of("--mode async --server http://h:1/", "mode: async, server-url: \"http://h:1/\""),
            Arguments.of("--url http://h/{key}?q=1 --rate 5/s --arrival poisson", "url: \"http://h/{key}?q=1\", rate: 5/s, arrival: poisson"),
            Arguments.of("--mode cached --workers 2 --cache-ttl 1s", "mode: cached, server: {workers: 2, cache-ttl: 1s}"),
            Arguments.of("--url https://h/ --http2 --streams 64 -k", "url: \"https://h/\", http2: true, streams: 64, insecure: true"),
            Arguments.of("--url http://h/ --protocol h2c", "url: \"http://h/\", protocol: h2c"),
            Arguments.of("--mode async --protocol http1", "mode: async, http2: false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void validSettingsPassBothWays(String flags, String keys) {
        assertThatCode(() -> fromFlags(flags)).doesNotThrowAnyException();
        assertThatCode(() -> fromScenario(keys)).doesNotThrowAnyException();
        assertThat(fromFlags(flags).load()).isEqualTo(fromScenario(keys).load());
    }

    /**
     * The plan's rules, through {@code compare}'s flags and a scenario's top-level keys:
     * flags | top-level YAML lines | message after a flag | message after a key.
     */
    static Stream<Arguments> planRules() {
        return Stream.of(
            row("--rounds 0", "rounds: 0", "--rounds: 0 must be at least 1", "rounds: 0 must be at least 1"),
            row("--rounds 1001", "rounds: 1001", "--rounds: 1001 must be at most 1000",
                    "rounds: 1001 must be at most 1000"),
            row("--rounds many", "rounds: many", "--rounds: \"many\" is not a whole number",
                    "rounds: \"many\" is not a whole number"),
            row("--until-conclusive 8", "until-conclusive: 8", "--until-conclusive: needs --rounds of 2 or more",
                    "until-conclusive: needs rounds of 2 or more"),
            row("--rounds 6 --until-conclusive 4", "rounds: 6\nuntil-conclusive: 4",
                    "--until-conclusive: 4 must be at least --rounds (6)",
                    "until-conclusive: 4 must be at least rounds (6)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planRules")
    void eachPlanRuleHoldsForFlagsAndScenarioKeys(String flags, String keys, String flagMessage,
            String keyMessage) {
        assertSameRule(() -> planFromFlags(flags), () -> planFromScenario(keys), flags, keys, flagMessage,
                keyMessage);
    }

    @org.junit.jupiter.api.Test
    void roundsFromFlagsAndKeysAreTheSameAndFlagsOverrideAFile() {
        assertThat(planFromFlags("--rounds 6 --until-conclusive 10"))
                .isEqualTo(planFromScenario("rounds: 6\nuntil-conclusive: 10"))
                .isEqualTo(new Rounds(6, 10));
        assertThat(planFromFlags("--modes async")).isEqualTo(Rounds.SINGLE);
        CommandLine cl = new CommandLine(new RunCommand());
        cl.parseArgs("--rounds", "8", "x.yaml");
        RunPlan plan = ScenarioParser.parse("name: p\nrounds: 4\nuntil-conclusive: 9\nruns:\n  - {name: r, mode: async}\n",
                "s.yaml", Path.of("."), KeyFlags.plan(cl.getCommandSpec()), new LoadSettings(Naming.FLAGS));
        assertThat(plan.rounds()).isEqualTo(new Rounds(8, 9));
    }

    private static Rounds planFromFlags(String flags) {
        CommandLine cl = new CommandLine(new CompareCommand());
        cl.parseArgs(flags.split(" "));
        return KeyFlags.plan(cl.getCommandSpec()).build();
    }

    private static Rounds planFromScenario(String keys) {
        return ScenarioParser.parse("name: rules\n" + keys + "\nruns:\n  - {name: r, mode: async}\n",
                "s.yaml", Path.of(".")).rounds();
    }

    private static RunSpec fromFlags(String flags) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.parseArgs(flags.split(" "));
        return KeyFlags.run(cl.getCommandSpec()).build();
    }

    private static RunSpec fromScenario(String keys) {
        return ScenarioParser.parse("name: rules\nruns:\n  - {name: r, " + keys + "}\n", "s.yaml", Path.of("."))
                .runs().get(0);
    }
}
