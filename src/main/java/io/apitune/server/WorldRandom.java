package io.apitune.server;

import java.util.concurrent.ThreadLocalRandom;

import io.apitune.db.WorldSchema;

/**
 * The random choices of the TechEmpower database tests: which row to read, and the new
 * {@code randomNumber} an update writes (always different from the old one, so an update is
 * visible when the row is read back).
 *
 * <p>Stateless; thread-safe ({@link ThreadLocalRandom}).
 */
final class WorldRandom {
    private WorldRandom() {
    }

    /** A uniformly random World id, 1..{@link WorldSchema#ROWS}. */
    static int id() {
        return ThreadLocalRandom.current().nextInt(1, WorldSchema.ROWS + 1);
    }

    /** A random number 1..{@link WorldSchema#ROWS} other than {@code old}. */
    static int numberOtherThan(int old) {
        int next = ThreadLocalRandom.current().nextInt(1, WorldSchema.ROWS);
        return next >= old ? next + 1 : next;
    }
}
