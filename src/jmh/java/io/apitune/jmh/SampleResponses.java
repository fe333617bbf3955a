package io.apitune.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Response shapes for the benchmarks that do not need the server: the item a slow-upstream mode
 * answers and the TechEmpower-style {@code World} rows a database mode answers. Until the server's
 * own records are merged these stand in for them, with the same fields.
 *
 * <p>Immutable records; the factory methods are stateless and thread-safe.
 */
final class SampleResponses {
    private SampleResponses() {
    }

    /** One item from the simulated upstream, as the slow-upstream modes answer it. */
    record Item(String key, long value, String mode) {
    }

    /** One row of the {@code World} table. */
    record World(int id, int randomNumber) {
    }

    /** What the simulated upstream computes for a key: deterministic, so every mode agrees. */
    static Item itemFor(String key, String mode) {
        long value = key.hashCode() * 0x9E3779B97F4A7C15L;
        return new Item(key, value >>> 1, mode);
    }

    /** {@code count} rows with ids 1..10000, as a multi-row database request answers. */
    static List<World> worlds(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<World> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new World(1 + random.nextInt(10_000), 1 + random.nextInt(10_000)));
        }
        return List.copyOf(rows);
    }

    /** Keys {@code prefix0 .. prefix(count-1)}, built once so no benchmark pays for string building. */
    static String[] keys(String prefix, int count) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = prefix + i;
        }
        return keys;
    }
}
