package io.apitune.jmh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.apitune.db.World;
import io.apitune.db.WorldSchema;

/**
 * Inputs the benchmarks build once in their setup, so building them is never measured.
 *
 * <p>Stateless; thread-safe.
 */
final class SampleData {
    private SampleData() {
    }

    /** {@code count} rows with ids and numbers in 1..{@link WorldSchema#ROWS}, as {@code /queries} reads. */
    static List<World> worlds(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<World> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new World(1 + random.nextInt(WorldSchema.ROWS), 1 + random.nextInt(WorldSchema.ROWS)));
        }
        return List.copyOf(rows);
    }

    /** The bytes the server writes for a body (it encodes its JSON strings as UTF-8). */
    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
