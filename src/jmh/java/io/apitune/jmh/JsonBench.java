package io.apitune.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.apitune.db.World;
import io.apitune.server.Item;
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
 * JSON encoding of each response type the server sends, to UTF-8 bytes: the {@link Item} of the
 * slow-upstream modes, one {@link World} row ({@code /db}), and {@code N} rows ({@code /queries},
 * where the row count matters). Each with Jackson (an {@link ObjectWriter} built once, as a
 * server would) and with the server's own hand-written {@code toJson} that it actually uses.
 *
 * <p>Run: {@code apitune jmh JsonBench} or {@code java -jar target/benchmarks.jar JsonBench}.
 * Thread model: shared immutable writers ({@link Scope#Benchmark}); Jackson writers are
 * thread-safe.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JsonBench {
    private final ObjectMapper mapper = new ObjectMapper();
    private ObjectWriter itemWriter;
    private ObjectWriter worldWriter;
    private Item item;
    private World world;

    @Setup
    public void buildWriters() {
        itemWriter = mapper.writerFor(Item.class);
        worldWriter = mapper.writerFor(World.class);
        item = Item.of(42);
        world = SampleData.worlds(1, 42).get(0);
    }

    /** The rows of a {@code /queries} response; only the benchmarks that use it vary its size. */
    @State(Scope.Benchmark)
    public static class Rows {
        /** Rows in one response (the server allows 1..500, as TechEmpower's queries test). */
        @Param({"1", "20", "500"})
        int rows;

        ObjectWriter listWriter;
        List<World> worlds;

        @Setup
        public void buildRows(JsonBench bench) {
            listWriter = bench.mapper.writerFor(
                    bench.mapper.getTypeFactory().constructCollectionType(List.class, World.class));
            worlds = SampleData.worlds(rows, 7);
        }
    }

    @Benchmark
    public byte[] item() throws JsonProcessingException {
        return itemWriter.writeValueAsBytes(item);
    }

    @Benchmark
    public byte[] itemHandWritten() {
        return SampleData.utf8(item.toJson());
    }

    @Benchmark
    public byte[] world() throws JsonProcessingException {
        return worldWriter.writeValueAsBytes(world);
    }

    @Benchmark
    public byte[] worldHandWritten() {
        return SampleData.utf8(world.toJson());
    }

    @Benchmark
    public byte[] worlds(Rows rows) throws JsonProcessingException {
        return rows.listWriter.writeValueAsBytes(rows.worlds);
    }

    @Benchmark
    public byte[] worldsHandWritten(Rows rows) {
        return SampleData.utf8(World.toJson(rows.worlds));
    }
}
