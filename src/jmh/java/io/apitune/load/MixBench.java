package io.apitune.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.apitune.scenario.ScenarioParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request mix adds to the generator's work per request, outside the network: picking the
 * request by weight, taking a feeder row, rendering URL and headers ({@code ${items.id}},
 * {@code ${key}}, {@code ${seq}}, {@code ${uuid}}), encoding the HTTP/1.1 request, and
 * judging the answer by its checks (status, a header, a JsonPath on the body). {@code plain} is
 * the single-URL path: a prebuilt request and a status-only verdict. The two figures' difference
 * is the mix's added CPU per request, to set against the generator's whole CPU per request
 * measured end to end by {@code scripts/mix-overhead.sh}. Not included: keeping the answer's
 * headers and body (a copy of a few dozen bytes here).
 *
 * <p>Run: {@code apitune jmh MixBench}. In package {@code io.apitune.load} for its package-private
 * classes. Thread model: one benchmark thread per state ({@link Scope#Thread}), as one lane.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MixBench {
    private static final String PLAIN = """
            name: plain
            runs:
              - {name: plain, url: "http://127.0.0.1:9/json", rate: 100, duration: 1s}
            """;
    private static final String MIX = """
            name: mix
            feeders:
              items: {csv: items.csv, strategy: circular}
            runs:
              - name: mix
                base-url: http://127.0.0.1:9
                rate: 100
                duration: 1s
                headers: ["X-Request-Id: ${uuid}"]
                requests:
                  - {name: read, weight: 70, get: "/json?id=${items.id}",
                     check: {status: 200, json: {"$.message": exists}}}
                  - {name: other, weight: 20, get: "/plaintext?k=${key}",
                     check: {status: 200, headers: {Content-Type: {contains: json}}}}
                  - {name: seq, weight: 10, get: "/json?seq=${seq}", check: {status: [200, 404]}}
            """;
    private static final byte[] BODY = "{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.UTF_8);

    private Path dir;
    private Lane plain;
    private Lane mix;
    private final Transport.Response answer = new Transport.Response() {
        @Override
        public String header(String name) {
            return "application/json";
        }

        @Override
        public byte[] body() {
            return BODY;
        }

        @Override
        public int bodyLength() {
            return BODY.length;
        }

        @Override
        public boolean bodyTruncated() {
            return false;
        }
    };

    /** One lane's request source, request builder and checks over a parsed scenario. */
    private static final class Lane {
        final LaneTraffic traffic;
        final Http1Requests requests;
        final ResponseChecks[] checks;
        final List<Feeder> feeders = new ArrayList<>();
        final Outgoing out = new Outgoing();

        Lane(String yaml, Path dir) throws IOException {
            LoadConfig config = ScenarioParser.parse(yaml, "bench.yaml", dir).runs().get(0).load();
            RequestTemplate template = new RequestTemplate(config);
            for (FeederSpec spec : config.mix().feeders()) {
                feeders.add(Feeder.open(spec, Shard.WHOLE, 42));
            }
            CompiledRequest[] compiled = template.compiled();
            checks = new ResponseChecks[compiled.length];
            double[] weights = new double[compiled.length];
            for (int r = 0; r < compiled.length; r++) {
                checks[r] = compiled[r].checks;
                weights[r] = config.mix().isMix() ? config.mix().requests().get(r).weight() : 1;
            }
            traffic = new LaneTraffic(template, weights, new KeyChooser(config.keys(), Shard.WHOLE),
                    new AtomicLong(), Shard.WHOLE, feeders);
            requests = new Http1Requests(template);
        }

        /** Prepares and builds the next request; its verdict on a 200 answer. */
        int next(Transport.Response answer) {
            while (traffic.prepare(out) == LaneTraffic.WAIT) {
                Thread.onSpinWait(); // a feeder still loading its rows
            }
            ByteBuf request = requests.bytes(out, ByteBufAllocator.DEFAULT);
            ResponseChecks c = checks[out.request];
            int verdict = c.isEmpty() ? ResponseChecks.OK : c.verdict(200, answer);
            int length = request.readableBytes();
            request.release();
            return verdict + (length & 1);
        }
    }

    @Setup(Level.Trial)
    public void build() throws IOException {
        dir = Files.createTempDirectory("mixbench");
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 1; i <= 10_000; i++) {
            csv.append(i).append(",item-").append(i).append('\n');
        }
        Files.writeString(dir.resolve("items.csv"), csv);
        plain = new Lane(PLAIN, dir);
        mix = new Lane(MIX, dir);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        plain.feeders.forEach(Feeder::close);
        mix.feeders.forEach(Feeder::close);
        Files.deleteIfExists(dir.resolve("items.csv"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public int plain() {
        return plain.next(answer);
    }

    @Benchmark
    public int mix() {
        return mix.next(answer);
    }
}
