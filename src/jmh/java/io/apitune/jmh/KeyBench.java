package io.apitune.jmh;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.apitune.load.KeyChooser;
import io.apitune.load.LoadConfig.KeySpace;
import io.apitune.load.Shard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sampling one id with the load generator's own {@link KeyChooser}, as it does for every request
 * with a {@code {key}} placeholder: uniform (one random draw) or zipf with the default exponent
 * {@value #ZIPF_EXPONENT} (a binary search in a cumulative table, so the key count matters).
 *
 * <p>Run: {@code apitune jmh KeyBench} or {@code java -jar target/benchmarks.jar KeyBench}.
 * Thread model: the chooser is immutable and shared ({@link Scope#Benchmark}); it draws from
 * {@code ThreadLocalRandom}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeyBench {
    static final double ZIPF_EXPONENT = 1.1;

    /** Distinct keys ({@code --keys}). */
    @Param({"1000", "1000000"})
    long keys;

    /** {@code uniform} or {@code zipf} ({@code --key-dist}). */
    @Param({"uniform", "zipf"})
    String distribution;

    private KeyChooser chooser;

    @Setup
    public void buildChooser() {
        KeySpace.Distribution kind = KeySpace.Distribution.valueOf(distribution.toUpperCase(Locale.ROOT));
        chooser = new KeyChooser(new KeySpace(keys, kind, ZIPF_EXPONENT), Shard.WHOLE);
    }

    @Benchmark
    public long nextKey() {
        return chooser.next();
    }
}
