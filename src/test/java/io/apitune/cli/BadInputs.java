package io.apitune.cli;

import static io.apitune.cli.BadInput.cli;

import java.util.List;
import java.util.stream.Stream;

/**
 * The bad-input campaign's table (issue 16): every command, flag and scenario key has rows. A new
 * flag or key gets a row here; {@link BadInputCampaignIT#everyFlagAndKeyHasARow} fails until it
 * has one. See {@link BadInput} for the placeholders.
 */
final class BadInputs {
    private BadInputs() {
    }

    static List<BadInput> all() {
        return Stream.of(root(), serve(), target(), load(), shape(), outputAndGates(), run(), ScenarioRows.top(),
                ScenarioRows.runs(), KeyRows.all(), compare(), capacity(), report(), merge(), shards(), jmh()).flatMap(List::stream).toList();
    }

    static List<BadInput> root() {
        return List.of(
            cli("", "missing command"),
            cli("launch", "launch"),
            cli("--verbos", "--verbos"),
            cli("bench --nosuchflag {url}", "--nosuchflag"),
            cli("--version=1", "--version"),
            cli("--verbose=maybe bench --url {url}", "--verbose"));
    }

    static List<BadInput> serve() {
        return List.of(
            cli("serve --host 999.1.1.1", "999.1.1.1"),
            cli("serve --host no-such-host.invalid", "no-such-host.invalid"),
            cli("serve --host 192.0.2.1", "192.0.2.1"),
            cli("serve --port 99999", "--port"),
            cli("serve --port -1", "--port"),
            cli("serve --port http", "--port"),
            cli("serve --tls-cert {fx}/missing.pem --tls-key {fx}/missing.pem", "missing.pem"),
            cli("serve --tls-key {fx}/file.txt", "--tls-key"),
            cli("serve --tls-cert {fx}/file.txt --tls-key {fx}/file.txt", "file.txt"),
            cli("serve --tls=maybe", "--tls"),
            cli("serve --idle-timeout forever", "--idle-timeout"),
            cli("serve --idle-timeout 9999999999h", "--idle-timeout"),
            cli("serve --header-timeout 500us", "--header-timeout"),
            cli("serve --header-timeout -1s", "--header-timeout"),
            cli("serve --metrics=maybe", "--metrics"),
            cli("serve --cache-ttl 9999999999h", "--cache-ttl"),
            cli("serve --jitter -5ms", "--jitter"),
            cli("serve --db-pool 0", "--db-pool"),
            cli("serve --workers 99999999999", "--workers"),
            cli("serve --db-url postgresql://u@127.0.0.1:99999/d", "--db-url"),
            cli("serve extra", "extra"));
    }

    static List<BadInput> target() {
        return List.of(
            cli("bench", "--mode"),
            cli("bench --mode turbo", "--mode"),
            cli("bench --mode async --url {url}", "--url"),
            cli("bench --url ftp://127.0.0.1/x", "--url"),
            cli("bench --url http://", "--url"),
            cli("bench --url 'http://127.0.0.1:1/a b'", "--url"),
            cli("bench --server http://127.0.0.1:1", "--server"),
            cli("bench --mode async --server ftp://127.0.0.1:1", "--server"),
            cli("bench --mode async-db --queries 501", "--queries"),
            cli("bench --mode async --queries 5", "--queries"),
            cli("bench --mode async-db --queries many", "--queries"));
    }

    /** Load values beyond what {@link KeyRows} tries (one bad value per key). */
    static List<BadInput> load() {
        return List.of(
            cli("bench --url {url} --rate 0", "--rate"),
            cli("bench --url {url} --rate -5", "--rate"),
            cli("bench --url {url} --rate 1e400", "--rate"),
            cli("bench --url {url} --rate NaN", "--rate"),
            cli("bench --url {url} --arrival poisson", "--arrival"),
            cli("bench --url {url} -c lots", "--connections"),
            cli("bench --url {url} -c 2000000000", "file descriptors"),
            cli("compare --url a={url} -c 2000000000", "file descriptors"),
            cli("bench --url {url} -d 10", "--duration"),
            cli("bench --url {url} -d 0", "--duration"),
            cli("bench --url {url} --duration 99999999999999999999999s", "--duration"),
            cli("bench --url {url} -n 99999999999999999999", "--requests"),
            cli("bench --url {url} -n 5 -d 1s", "--requests"),
            cli("bench --url {url} --warmup 9999999999h", "--warmup"),
            cli("bench --url {url} --ramp-up 1s", "--ramp-up"),
            cli("bench --url {url} --rate 5 --ramp-up 9999999999h", "--ramp-up"),
            cli("bench --url {url} --timeout never", "--timeout"),
            cli("bench --url {url} --key-dist zipf:0", "--key-dist"),
            cli("bench --url {url} --key-dist zipf --keys 3000000", "--keys"),
            cli("bench --url {url} -m ''", "--method"),
            cli("bench --url {url} --header ': value'", "--header"),
            cli("bench --url {url} --body-file {fx}/full", "--body-file"));
    }

    static List<BadInput> shape() {
        return List.of(
            cli("bench --url {url} --workers 2", "--workers"),
            cli("bench --mode async --server http://127.0.0.1:1 --queue 2", "--queue"),
            cli("bench --mode async --cache-size 0", "--cache-size"));
    }

    static List<BadInput> outputAndGates() {
        return List.of(
            cli("bench --url {url} -o {fx}/full", "--out"),
            cli("bench --url {url} --out {fx}/file.txt", "--out"),
            cli("bench --url {url} --out {fx}/file.txt/sub", "--out"),
            cli("bench --url {url} -q=maybe", "--quiet"),
            cli("bench --url {url} --gate 'p98 < 5ms'", "p98"),
            cli("bench --url {url} --gate 'p99 < 5%'", "p99"),
            cli("bench --url {url} --gate 'p99 fast'", "--gate"),
            cli("bench --url {url} --gate 'p99 < 9999999999h'", "9999999999h"),
            cli("bench --url {url} --gate 'p99 < 1e3ms'", "1e3ms"),
            cli("bench --url {url} --gate 'p99 <= baseline'", "--baseline"),
            cli("bench --url {url} --gate 'p99 <= baseline' --baseline {fx}/missing.json", "--baseline"),
            cli("bench --url {url} --gate 'p99 <= baseline' --baseline {fx}/null-results/report.json", "results"),
            cli("bench --url {url} --gate 'p99 <= baseline' --baseline {fx}/not-json/report.json", "--baseline"),
            cli("bench --url {url} --allow-limited=maybe", "--allow-limited"),
            cli("bench --url {url} --gate 'p99 < 5s' --junit {fx}/file.txt/x.xml", "--junit"),
            cli("bench --url {url} --gate 'p99 < 5s' --junit {fx}/full", "--junit"));
    }

    static List<BadInput> run() {
        return List.of(
            cli("run", "FILE"),
            cli("run {fx}/missing.yaml", "missing.yaml"),
            cli("run {fx}/full", "full"),
            cli("run {fx}/latin1.yaml", "UTF-8"),
            cli("run {fx}/binary.yaml", "binary.yaml"),
            cli("run {fx}/empty.yaml", "empty.yaml"),
            cli("run {fx}/good.yaml --check=yes", "--check"),
            cli("run {fx}/good.yaml --rounds many", "--rounds"),
            cli("run {fx}/good.yaml --until-conclusive 8", "--until-conclusive"),
            cli("run {fx}/good.yaml --out {fx}/full", "--out"),
            cli("run {fx}/good.yaml -q=maybe", "--quiet"),
            cli("run {fx}/good.yaml --gate 'b.p99 < 5ms'", "'b'"),
            cli("run {fx}/good.yaml --gate 'p99 <= baseline' --baseline {fx}/array/report.json", "--baseline"),
            cli("run {fx}/good.yaml --gate 'p99 < 1s' --junit {fx}/file.txt/j.xml", "--junit"),
            cli("run {fx}/good.yaml --allow-limited=2", "--allow-limited"),
            cli("run {fx}/good.yaml {fx}/good.yaml", "good.yaml"));
    }

    static List<BadInput> compare() {
        return List.of(
            cli("compare", "--modes"),
            cli("compare --modes async,turbo", "--modes"),
            cli("compare --modes async --protocols http1,h3", "--protocols"),
            cli("compare --modes async,cached --rounds -2", "--rounds"),
            cli("compare --modes async,cached --rounds 4 --until-conclusive 3", "--until-conclusive"),
            cli("compare --modes async,async", "--modes"),
            cli("compare --url noequals", "--url"),
            cli("compare --url a=ftp://127.0.0.1/", "--url"),
            cli("compare --server http://127.0.0.1:1", "--modes"),
            cli("compare --modes async --queries 5", "--queries"),
            cli("compare --modes async --rate fast", "--rate"),
            cli("compare --modes async --workers 0", "--workers"),
            cli("compare --url a={url} --workers 2", "--workers"),
            cli("compare --modes async --gate 'nope.p99 < 1ms'", "nope"),
            cli("compare --modes async -o {fx}/full", "--out"),
            cli("compare --url a={url} -q=maybe", "--quiet"),
            cli("compare --url a={url} --gate 'p99 <= baseline' --baseline {fx}/v99/report.json", "--baseline"),
            cli("compare --url a={url} --allow-limited=maybe", "--allow-limited"),
            cli("compare --url a={url} --gate 'p99 < 1s' --junit {fx}/full", "--junit"),
            cli("compare --modes async --server ftp://127.0.0.1:1", "--server"),
            cli("compare --modes async-db --queries 0", "--queries"));
    }

    static List<BadInput> capacity() {
        return List.of(
            cli("capacity --url {url}", "--slo"),
            cli("capacity --url {url} --slo 'p98 < 1ms'", "p98"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --max-errors 200%", "--max-errors"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --start-rate 0", "--start-rate"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --max-rate fast", "--max-rate"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --tolerance 1", "--tolerance"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --max-steps 0", "--max-steps"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --rate 5", "--rate"),
            cli("capacity --url {url} --slo 'p99 < 1ms' -o {fx}/full", "--out"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --quiet=maybe", "--quiet"),
            cli("capacity --url {url} --slo 'p99 < 1ms' --duration 9999999999h", "--duration"));
    }

    static List<BadInput> report() {
        return List.of(
            cli("report", "DIR"),
            cli("report {fx}/missing", "missing"),
            cli("report {fx}/file.txt", "file.txt"),
            cli("report {fx}/null-results", "results"),
            cli("report {fx}/empty-results", "results"),
            cli("report {fx}/wrong-types", "report.json"),
            cli("report {fx}/not-json", "JSON"),
            cli("report {fx}/array", "report.json"),
            cli("report {fx}/v99", "schemaVersion"),
            cli("report {fx}/kind", "kind"),
            cli("report --compare {fx}/good", "--compare"),
            cli("report --compare {fx}/good {fx}/missing --out {out}", "missing"),
            cli("report --compare {fx}/good {fx}/null-results --out {out}", "results"),
            cli("report --compare {fx}/good {fx}/good --out {fx}/full", "--out"),
            cli("report --out {out} {fx}/good", "--out"),
            cli("report {fx}/good --compare {fx}/good {fx}/good", "--compare"));
    }

    static List<BadInput> merge() {
        return List.of(
            cli("report merge --out {out}", "FILE.hlog"),
            cli("report merge {fx}/good/latency.hlog", "--out"),
            cli("report merge {fx}/missing.hlog --out {out}", "missing.hlog"),
            cli("report merge {fx}/file.txt --out {out}", "file.txt"),
            cli("report merge {fx}/empty.hlog --out {out}", "empty.hlog"),
            cli("report merge {fx}/binary.yaml --out {out}", "binary.yaml"),
            cli("report merge {fx}/good/latency.hlog --out {fx}/full", "--out"),
            cli("report merge {fx}/good/latency.hlog --out {fx}/good", "--out"),
            cli("report merge {fx}/good/latency.hlog --out {out} --name 'a/b'", "--name"),
            cli("report merge {fx}/good/latency.hlog --out {out} --gate 'nope < 1ms'", "nope"),
            cli("report merge {fx}/good/latency.hlog --out {out} --gate 'p99 <= baseline' --baseline {fx}/missing.json", "--baseline"),
            cli("report merge {fx}/good/latency.hlog --out {out} --allow-limited=maybe", "--allow-limited"),
            cli("report merge {fx}/good/latency.hlog --out {out} --gate 'p99 < 1s' --junit {fx}/full", "--junit"));
    }

    static List<BadInput> shards() {
        return List.of(
            cli("bench --url {url} --rate 10 --shard 1/3", "--start-at"),
            cli("bench --url {url} --shard 3/3 --start-at +1m", "--shard"),
            cli("bench --url {url} --shard 0/2 --start-at yesterday", "--start-at"),
            cli("run {fx}/good.yaml --shard x --start-at +1m", "--shard"),
            cli("run {fx}/good.yaml --shard 0/2 --start-at 2020-01-01T00:00:00Z", "--start-at"),
            cli("compare --url a={url} --shard 0/0 --start-at +1m", "--shard"),
            cli("compare --url a={url} --shard 0/2 --start-at never", "--start-at"),
            cli("k8s manifest {fx}/good.yaml --shards 0", "--shards"),
            cli("k8s manifest {fx}/good.yaml --shards 2 --namespace Bad_NS", "--namespace"),
            cli("k8s manifest {fx}/good.yaml --shards 2 --name UPPER", "--name"),
            cli("k8s manifest {fx}/good.yaml --shards 2 --image ' '", "--image"),
            cli("k8s manifest {fx}/good.yaml --shards 2 --start-at yesterday", "--start-at"),
            cli("k8s run {fx}/good.yaml --shards 0", "--shards"),
            cli("k8s run {fx}/good.yaml", "--shards"),
            cli("k8s run {fx}/good.yaml --shards 2 --timeout soon", "--timeout"),
            cli("k8s run {fx}/good.yaml --shards 2 --timeout 0s", "--timeout"),
            cli("k8s run {fx}/good.yaml --shards 2 --namespace Bad_NS", "--namespace"),
            cli("k8s run {fx}/good.yaml --shards 2 --name UPPER", "--name"),
            cli("k8s run {fx}/good.yaml --shards 2 --start-at yesterday", "--start-at"),
            cli("k8s run {fx}/good.yaml --shards 2 --keep=maybe", "--keep"),
            cli("k8s run {fx}/good.yaml --shards 2 --out {fx}/full", "--out"),
            cli("k8s run {fx}/good.yaml --shards 2 --gate 'b.p99 < 5ms'", "'b'"),
            cli("k8s run {fx}/good.yaml --shards 2 --image ' '", "--image"),
            cli("k8s run {fx}/good.yaml --shards 2 --gate 'p99 <= baseline' --baseline {fx}/array/report.json",
                    "--baseline"),
            cli("k8s run {fx}/good.yaml --shards 2 --gate 'p99 < 1s' --junit {fx}/file.txt/j.xml", "--junit"),
            cli("k8s run {fx}/good.yaml --shards 2 --allow-limited=2", "--allow-limited"),
            cli("run {fx}/good.yaml --print-results=yes", "--print-results"),
            cli("run {fx}/good.yaml --print-intervals=yes", "--print-intervals"));
    }

    static List<BadInput> jmh() {
        return List.of(
            cli("jmh NoSuchBenchmarkAnywhere", "NoSuchBenchmarkAnywhere"),
            cli("jmh --list '[unclosed'", "[unclosed"),
            cli("jmh -p novalue", "--param"),
            cli("jmh --param nosuchparam=1 CacheBench", "nosuchparam"),
            cli("jmh --gate 'CacheBench.hit fast' CacheBench", "--gate"),
            cli("jmh --baseline {fx}/missing.json CacheBench", "--baseline"),
            cli("jmh --json {fx}/full CacheBench", "--json"),
            cli("jmh --json {fx}/file.txt/out.json CacheBench", "--json"),
            cli("jmh --reports-dir {fx}/file.txt CacheBench", "--reports-dir"),
            cli("jmh --junit {fx}/file.txt/j.xml CacheBench", "--junit"),
            cli("jmh --quick=2 NoSuchBenchmarkAnywhere", "--quick"));
    }
}
