package io.apitune.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of recording one latency value (nanoseconds, 1 µs..1 h, 3 significant digits) in an
 * HdrHistogram recorder: one writer, two writers contending on one {@link Recorder}, a writer
 * while another thread swaps interval histograms (what the load generator's reporter does once a
 * second, here continuously: the worst case), and the single-writer variant wrk2-style loops use.
 *
 * <p>Run: {@code apitune jmh RecorderBench} or {@code java -jar target/benchmarks.jar RecorderBench}.
 * Thread model: recorders are shared ({@link Scope#Benchmark}); value streams are per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecorderBench {
    static final long LOWEST_NANOS = 1_000L;
    static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private Recorder recorder;
    private SingleWriterRecorder singleWriterRecorder;

    @Setup
    public void createRecorders() {
        recorder = new Recorder(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        singleWriterRecorder = new SingleWriterRecorder(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /** Pre-drawn latencies from 100 µs to 100 ms, so drawing them is not measured. */
    @State(Scope.Thread)
    public static class Values {
        private static final int COUNT = 1 << 14;
        final long[] nanos = new long[COUNT];
        int index;

        @Setup
        public void draw() {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            for (int i = 0; i < COUNT; i++) {
                nanos[i] = 100_000L + random.nextLong(100_000_000L);
            }
        }

        long next() {
            index = (index + 1) & (COUNT - 1);
            return nanos[index];
        }
    }

    @Benchmark
    @Threads(1)
    public void singleThreaded(Values values) {
        recorder.recordValue(values.next());
    }

    @Benchmark
    @Threads(2)
    public void contended(Values values) {
        recorder.recordValue(values.next());
    }

    @Benchmark
    @Threads(1)
    public void singleWriter(Values values) {
        singleWriterRecorder.recordValue(values.next());
    }

    @Benchmark
    @Group("whileSwapping")
    @GroupThreads(1)
    public void record(Values values) {
        recorder.recordValue(values.next());
    }

    /** The reader side: takes the interval histogram, recycling the previous one. */
    @State(Scope.Group)
    public static class Reader {
        Histogram recycled;
    }

    @Benchmark
    @Group("whileSwapping")
    @GroupThreads(1)
    public void swap(Reader reader, Blackhole sink) {
        reader.recycled = recorder.getIntervalHistogram(reader.recycled);
        sink.consume(reader.recycled.getTotalCount());
    }
}
