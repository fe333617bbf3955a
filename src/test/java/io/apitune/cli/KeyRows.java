package io.apitune.cli;

import static io.apitune.cli.BadInput.cli;
import static io.apitune.cli.BadInput.runKeys;
import static io.apitune.cli.BadInput.yaml;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.apitune.run.LoadKey;
import io.apitune.run.SettingKey;
import io.apitune.run.ShapeKey;
import io.apitune.run.TargetKey;
import io.apitune.run.TransportKey;

/**
 * Campaign rows generated from the run model's keys: one bad value per key, tried through every
 * command that has the key's flag and through a scenario file. A new {@link LoadKey},
 * {@link ShapeKey} or {@link TargetKey} needs one entry in {@link #BAD}; without it
 * {@link BadInputCampaignIT#everyFlagAndKeyHasARow} fails.
 */
final class KeyRows {
    /** A bad value of a key: the flag's arguments after the flag, and the scenario entry. */
    record Bad(String flagArgs, String scenarioEntry) {
    }

    private static final Map<LoadKey, Bad> LOAD = new EnumMap<>(LoadKey.class);
    private static final Map<ShapeKey, Bad> SHAPE = new EnumMap<>(ShapeKey.class);
    private static final Map<TargetKey, Bad> TARGET = new EnumMap<>(TargetKey.class);
    private static final Map<TransportKey, Bad> TRANSPORT = new EnumMap<>(TransportKey.class);

    static {
        TRANSPORT.put(TransportKey.HTTP2, new Bad("--protocol http1", "http2: maybe"));
        TRANSPORT.put(TransportKey.PROTOCOL, new Bad("h3", "protocol: h3"));
        TRANSPORT.put(TransportKey.STREAMS, new Bad("0", "streams: 0"));
        TRANSPORT.put(TransportKey.INSECURE, new Bad("--cacert {fx}/missing.pem", "insecure: maybe"));
        TRANSPORT.put(TransportKey.CACERT, new Bad("{fx}/missing.pem", "cacert: missing.pem"));
        TRANSPORT.put(TransportKey.CERT, new Bad("{fx}/missing.pem", "cert: missing.pem"));
        TRANSPORT.put(TransportKey.KEY, new Bad("{fx}/missing.pem", "key: missing.pem"));
        LOAD.put(LoadKey.RATE, new Bad("fast", "rate: fast"));
        LOAD.put(LoadKey.ARRIVAL, new Bad("bursty", "arrival: bursty"));
        LOAD.put(LoadKey.CONNECTIONS, new Bad("0", "connections: 0"));
        LOAD.put(LoadKey.DURATION, new Bad("9999999999h", "duration: 9999999999h"));
        LOAD.put(LoadKey.REQUESTS, new Bad("0", "requests: 0"));
        LOAD.put(LoadKey.WARMUP, new Bad("soon", "warmup: soon"));
        LOAD.put(LoadKey.RAMP_UP, new Bad("-1s", "ramp-up: -1s"));
        LOAD.put(LoadKey.TIMEOUT, new Bad("0", "timeout: 0"));
        LOAD.put(LoadKey.KEYS, new Bad("0", "keys: 0"));
        LOAD.put(LoadKey.KEY_DIST, new Bad("pareto", "key-dist: pareto"));
        LOAD.put(LoadKey.METHOD, new Bad("G/T", "method: G/T"));
        LOAD.put(LoadKey.HEADERS, new Bad("NoColon", "headers: [NoColon]"));
        LOAD.put(LoadKey.BODY, new Bad("x --body-file {fx}/file.txt", "body: [x]"));
        LOAD.put(LoadKey.BODY_FILE, new Bad("{fx}/missing.txt", "body-file: missing.txt"));
        SHAPE.put(ShapeKey.BACKEND_LATENCY, new Bad("fast", "backend-latency: fast"));
        SHAPE.put(ShapeKey.JITTER, new Bad("9999999999h", "jitter: 9999999999h"));
        SHAPE.put(ShapeKey.WORKERS, new Bad("0", "workers: 0"));
        SHAPE.put(ShapeKey.QUEUE, new Bad("-1", "queue: -1"));
        SHAPE.put(ShapeKey.CACHE_SIZE, new Bad("none", "cache-size: none"));
        SHAPE.put(ShapeKey.CACHE_TTL, new Bad("soon", "cache-ttl: soon"));
        SHAPE.put(ShapeKey.DB_URL, new Bad("mysql://u:hunter2@h/d", "db-url: \"mysql://u:hunter2@h/d\""));
        SHAPE.put(ShapeKey.DB_POOL, new Bad("none", "db-pool: none"));
        TARGET.put(TargetKey.MODE, new Bad("turbo", "mode: turbo"));
        TARGET.put(TargetKey.URL, new Bad("ftp://127.0.0.1/x", "url: \"ftp://127.0.0.1/x\""));
        TARGET.put(TargetKey.SERVER_URL, new Bad("ftp://127.0.0.1:1 --mode async",
                "mode: async, server-url: \"ftp://127.0.0.1:1\""));
        TARGET.put(TargetKey.QUERIES, new Bad("501 --mode async-db", "mode: async-db, queries: 501"));
    }

    /** Commands whose load must never start if a row slips through: an unreachable URL. */
    private static final String URL_BENCH = "bench --url {url}";
    private static final String URL_CAPACITY = "capacity --url {url} --slo 'p99 < 1s'";
    private static final String URL_COMPARE = "compare --url a={url}";
    /** In-process server rows: short and with their own --out, in case one slips through. */
    private static final String SHORT = " -d 1s --warmup 0 -o {out}";

    private KeyRows() {
    }

    static List<BadInput> all() {
        List<BadInput> rows = new ArrayList<>();
        LOAD.forEach((key, bad) -> {
            for (String base : new String[] {URL_BENCH, URL_CAPACITY, URL_COMPARE}) {
                rows.add(flagRow(base, key, bad));
            }
            rows.add(runKeys("url: \"http://127.0.0.1:1/\", " + bad.scenarioEntry(), "runs[0]." + key.key()));
            rows.add(yaml("name: s\ndefaults: {" + bad.scenarioEntry() + "}\nruns: [{name: a, url: "
                    + "\"http://127.0.0.1:1/\"}]\n", "defaults." + key.key()));
        });
        // a feeder file that does not exist fails before any load, naming the key
        rows.add(yaml("name: s\nfeeders: {f: {csv: no-such-file.csv}}\nruns: [{name: a, url: "
                + "\"http://127.0.0.1:1/${f.id}\"}]\n", "feeders.f"));
        SHAPE.forEach((key, bad) -> {
            rows.add(cli("serve " + key.flag() + " " + bad.flagArgs(), key.flag()));
            rows.add(flagRow("bench --mode async" + SHORT, key, bad));
            rows.add(flagRow("capacity --mode async --slo 'p99 < 1s' --max-steps 2" + SHORT, key, bad));
            rows.add(flagRow("compare --modes async" + SHORT, key, bad));
            rows.add(runKeys("mode: async, server: {" + bad.scenarioEntry() + "}", "runs[0].server." + key.key()));
            rows.add(yaml("name: s\nserver: {" + bad.scenarioEntry() + "}\nruns: [{name: a, mode: async}]\n",
                    "server." + key.key()));
        });
        TRANSPORT.forEach((key, bad) -> {
            for (String base : new String[] {URL_BENCH, URL_CAPACITY, URL_COMPARE}) {
                rows.add(cli(base + " " + key.flag() + " " + bad.flagArgs(), key.flag()));
            }
            rows.add(runKeys("url: \"http://127.0.0.1:1/\", " + bad.scenarioEntry(), "runs[0]." + key.key()));
        });
        TARGET.forEach((key, bad) -> {
            rows.add(cli("bench " + key.flag() + " " + bad.flagArgs(), key.flag()));
            rows.add(cli("capacity --slo 'p99 < 1s' " + key.flag() + " " + bad.flagArgs(), key.flag()));
            rows.add(runKeys(bad.scenarioEntry(), "runs[0]." + key.key()));
        });
        return rows;
    }

    private static BadInput flagRow(String base, SettingKey key, Bad bad) {
        return cli(base + " " + key.flags().get(0) + " " + bad.flagArgs(), key.flag());
    }
}
