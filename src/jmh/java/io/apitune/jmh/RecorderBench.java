package io.apitune.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.apitune.load.LaneRecorder;
import io.apitune.metrics.Histograms;
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
 * The cost of recording one measured request in the load generator's own {@link LaneRecorder}
 * (send lag at the send, then OK latency and service time at the answer, into wait-free
 * single-writer HdrHistogram recorders in the shared {@link Histograms} configuration, plus the
 * OK counter): on one lane's thread, and while another thread takes interval histograms
 * continuously (the generator's sampler does it once a second; continuously is the worst case).
 * For scale, one bare multi-writer {@link Recorder#recordValue} and one
 * {@link SingleWriterRecorder#recordValue}: each lane owns its recorders, so none is contended.
 *
 * <p>Run: {@code apitune jmh RecorderBench} or {@code java -jar target/benchmarks.jar RecorderBench}.
 * Thread model: the recorders are shared ({@link Scope#Benchmark}) between the one recording
 * thread and the sampling thread; value streams are per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RecorderBench {
    private LaneRecorder laneRecorder;
    private Recorder recorder;
    private SingleWriterRecorder singleWriterRecorder;

    @Setup
    public void createRecorders() {
        laneRecorder = new LaneRecorder(new int[] {0});
        recorder = Histograms.newRecorder();
        singleWriterRecorder = new SingleWriterRecorder(Histograms.LOWEST_DISCERNIBLE_NANOS,
                Histograms.HIGHEST_TRACKABLE_NANOS, Histograms.SIGNIFICANT_DIGITS);
    }

    /** Pre-drawn latencies from 100 µs to 100 ms, so drawing them is not measured. */
    @State(Scope.Thread)
    public static class Values {
        private static final int COUNT = 1 << 14;
        final long[] nanos = new long[COUNT];
        int index;

        @Setup
        public void draw() {
            SplittableRandom random = new SplittableRandom(System.identityHashCode(this));
            for (int i = 0; i < COUNT; i++) {
                nanos[i] = 100_000L + random.nextLong(100_000_000L);
            }
        }

        long next() {
            index = (index + 1) & (COUNT - 1);
            return nanos[index];
        }
    }

    private void recordRequest(long latencyNanos) {
        // Intended 0, sent after a tenth of the latency, done at latencyNanos: service < latency.
        laneRecorder.recordSendLag(latencyNanos / 20, latencyNanos / 10);
        laneRecorder.recordOk(0, 0, latencyNanos / 10, latencyNanos);
    }

    @Benchmark
    @Threads(1)
    public void singleThreaded(Values values) {
        recordRequest(values.next());
    }

    @Benchmark
    @Group("whileSampling")
    @GroupThreads(1)
    public void record(Values values) {
        recordRequest(values.next());
    }

    /** The sampler side: takes the interval histograms, recycling the previous ones. */
    @State(Scope.Group)
    public static class Sampler {
        Histogram latency;
        Histogram service;
        Histogram sendLag;
    }

    @Benchmark
    @Group("whileSampling")
    @GroupThreads(1)
    public void sample(Sampler sampler, Blackhole sink) {
        sampler.latency = laneRecorder.okLatencyInterval(0, sampler.latency);
        sampler.service = laneRecorder.okServiceInterval(0, sampler.service);
        sampler.sendLag = laneRecorder.sendLagInterval(sampler.sendLag);
        sink.consume(sampler.latency.getTotalCount() + sampler.service.getTotalCount()
                + sampler.sendLag.getTotalCount());
    }

    @Benchmark
    @Threads(1)
    public void bareRecorder(Values values) {
        recorder.recordValue(values.next());
    }

    @Benchmark
    @Threads(1)
    public void singleWriterRecorder(Values values) {
        singleWriterRecorder.recordValue(values.next());
    }
}
