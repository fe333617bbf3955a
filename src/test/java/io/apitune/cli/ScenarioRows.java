package io.apitune.cli;

import static io.apitune.cli.BadInput.runKeys;
import static io.apitune.cli.BadInput.yaml;

import java.util.List;

/** The campaign's scenario-file rows beyond {@link KeyRows}: structure, YAML and run rules. */
final class ScenarioRows {
    private ScenarioRows() {
    }

    static List<BadInput> top() {
        return List.of(
            yaml("runs: [{name: a, url: \"http://127.0.0.1:1/\"}]\n", "name"),
            yaml("name: [a, b]\nruns: [{name: a, url: \"http://127.0.0.1:1/\"}]\n", "name"),
            yaml("name: s\ndescription: {a: 1}\nruns: [{name: a, url: \"http://127.0.0.1:1/\"}]\n", "description"),
            yaml("name: s\nrun: []\n", "run"),
            yaml("name: s\n", "runs"),
            yaml("name: s\nruns: {name: a}\n", "runs"),
            yaml("name: s\nruns: []\n", "runs"),
            yaml("name: s\nruns: [a]\n", "runs[0]"),
            yaml("name: s\nruns: [{name: a, mode: async}, {name: a, mode: cached}]\n", "runs[1].name"),
            yaml("name: s\nserver: 5\nruns: [{name: a, mode: async}]\n", "server"),
            yaml("name: s\nserver: {threads: 5}\nruns: [{name: a, mode: async}]\n", "server.threads"),
            yaml("name: s\nserver: {workers: 2}\nruns: [{name: a, url: \"http://127.0.0.1:1/\"}]\n", "server"),
            yaml("name: s\nserver: {queue: lots}\nruns: [{name: a, mode: async}]\n", "server.queue"),
            yaml("name: s\ndefaults: [rate]\nruns: [{name: a, mode: async}]\n", "defaults"),
            yaml("name: s\ndefaults: {mode: async}\nruns: [{name: a, mode: async}]\n", "defaults.mode"),
            yaml("name: s\ndefaults: {rate: fast}\nruns: [{name: a, mode: async}]\n", "defaults.rate"),
            yaml("name: s\ndefaults: {duration: 9999999999h}\nruns: [{name: a, mode: async}]\n", "defaults.duration"),
            yaml("name: s\nruns: [{name: a, mode: async}]\ngates: p99 < 5ms\n", "gates"),
            yaml("name: s\nrounds: many\nruns: [{name: a, mode: async}]\n", "rounds"),
            yaml("name: s\nuntil-conclusive: 6\nruns: [{name: a, mode: async}]\n", "until-conclusive"),
            yaml("name: s\nruns: [{name: a, mode: async}]\ngates: [{p99: 5ms}]\n", "gates[0]"),
            yaml("name: s\nruns: [{name: a, mode: async}]\ngates: [b.p99 < 5ms]\n", "gates[0]"),
            yaml("name: s\nruns: [{name: a, mode: async}]\ngates: [p99 < 5%]\n", "gates[0]"),
            yaml("name: s\nruns: [{name: a, mode: async}]\ngates: [p99 <= baseline]\n", "baseline"),
            yaml("name: s\nruns: [{name: a, mode: async}\n", "invalid YAML"),
            yaml("name: s\nname: t\nruns: [{name: a, mode: async}]\n", "name"),
            yaml("name: s\nruns:\n\t- {name: a, mode: async}\n", "s.yaml"),
            yaml("- just\n- a list\n", "map"));
    }

    static List<BadInput> runs() {
        return List.of(
            runKeys("mode: async, colour: red", "runs[0].colour"),
            yaml("name: s\nruns:\n  - {mode: async, name: \"a b\"}\n", "runs[0].name"),
            runKeys("mode: [async]", "runs[0].mode"),
            runKeys("url: \"ftp://127.0.0.1/\"", "runs[0].url"),
            runKeys("mode: async, url: \"http://127.0.0.1:1/\"", "runs[0].url"),
            runKeys("server-url: \"http://127.0.0.1:1\"", "runs[0].server-url"),
            runKeys("mode: async, server-url: \"http://127.0.0.1:1/x\"", "runs[0].server-url"),
            runKeys("mode: async-db, queries: 0", "runs[0].queries"),
            runKeys("mode: async, server: {backend-latency: 9999999999h}", "runs[0].server.backend-latency"),
            runKeys("mode: async, server: {cache-size: -1}", "runs[0].server.cache-size"),
            runKeys("mode: async, server: {cache-ttl: 1 day}", "runs[0].server.cache-ttl"),
            runKeys("mode: async, arrival: poisson", "runs[0].arrival"),
            runKeys("mode: async, connections: 2000000000", "file descriptors"),
            runKeys("mode: async, duration: 9999999999h", "runs[0].duration"),
            runKeys("mode: async, requests: -1", "runs[0].requests"),
            runKeys("mode: async, warmup: {a: 1}", "runs[0].warmup"),
            runKeys("mode: async, ramp-up: 1s", "runs[0].ramp-up"),
            runKeys("mode: async, timeout: 0", "runs[0].timeout"),
            runKeys("mode: async, keys: many", "runs[0].keys"),
            runKeys("mode: async, key-dist: \"zipf:x\"", "runs[0].key-dist"),
            runKeys("mode: async, method: \"GET /\"", "runs[0].method"),
            runKeys("mode: async, headers: \"X-A: 1\"", "runs[0].headers"),
            runKeys("mode: async, body: [x]", "runs[0].body"),
            runKeys("mode: async, body-file: missing.txt", "runs[0].body-file"));
    }
}
