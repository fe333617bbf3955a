package io.apitune.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
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
 * Jackson encoding of each response type to the bytes the server writes: the item of the
 * slow-upstream modes, one {@code World} row, and a list of rows (the multi-query database
 * request, where the row count matters). Writers are built once, as a server does.
 *
 * <p>Run: {@code apitune jmh JsonBench} or {@code java -jar target/benchmarks.jar JsonBench}.
 * Thread model: shared immutable writers ({@link Scope#Benchmark}); Jackson writers are
 * thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBench {
    private final ObjectMapper mapper = new ObjectMapper();
    private ObjectWriter itemWriter;
    private ObjectWriter worldWriter;
    private SampleResponses.Item item;
    private SampleResponses.World world;

    @Setup
    public void buildWriters() {
        itemWriter = mapper.writerFor(SampleResponses.Item.class);
        worldWriter = mapper.writerFor(SampleResponses.World.class);
        item = SampleResponses.itemFor("item-42", "async");
        world = SampleResponses.worlds(1, 42).get(0);
    }

    /** The rows of a multi-query request; only the benchmarks that use it vary its size. */
    @State(Scope.Benchmark)
    public static class Rows {
        /** Rows in one response (TechEmpower's queries test uses 1..500). */
        @Param({"1", "20", "500"})
        int rows;

        ObjectWriter listWriter;
        List<SampleResponses.World> worlds;

        @Setup
        public void buildRows(JsonBench bench) {
            listWriter = bench.mapper.writerFor(
                    bench.mapper.getTypeFactory().constructCollectionType(List.class, SampleResponses.World.class));
            worlds = SampleResponses.worlds(rows, 7);
        }
    }

    @Benchmark
    public byte[] item() throws JsonProcessingException {
        return itemWriter.writeValueAsBytes(item);
    }

    @Benchmark
    public byte[] world() throws JsonProcessingException {
        return worldWriter.writeValueAsBytes(world);
    }

    @Benchmark
    public byte[] worlds(Rows rows) throws JsonProcessingException {
        return rows.listWriter.writeValueAsBytes(rows.worlds);
    }
}
