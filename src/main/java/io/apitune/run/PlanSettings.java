package io.apitune.run;

import java.util.EnumMap;
import java.util.Map;

/**
 * The plan-level settings from any source ({@link PlanKey}: rounds, until-conclusive), with the
 * rules between them; the single path from a scenario's top-level keys or the flags of
 * {@code compare} and {@code run} to a validated {@link Rounds}. Values set later win, so flags
 * given after a file's keys override them.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class PlanSettings {
    private final Naming naming;
    private final Map<PlanKey, Setting> values = new EnumMap<>(PlanKey.class);

    public PlanSettings(Naming naming) {
        this.naming = naming;
    }

    public PlanSettings set(PlanKey key, Setting value) {
        values.put(key, value);
        return this;
    }

    /** Copies every setting of {@code other} over these (the other's win). */
    public PlanSettings putAll(PlanSettings other) {
        values.putAll(other.values);
        return this;
    }

    public Rounds build() {
        Setting rounds = values.get(PlanKey.ROUNDS);
        int count = rounds == null ? 1 : rounds.intValue(1, Rounds.MAX);
        Setting until = values.get(PlanKey.UNTIL_CONCLUSIVE);
        if (until == null) {
            return new Rounds(count, count);
        }
        int max = until.intValue(2, Rounds.MAX);
        if (count < 2) {
            throw until.fail("needs " + naming.of(PlanKey.ROUNDS) + " of 2 or more");
        }
        if (max < count) {
            throw until.fail(max + " must be at least " + naming.of(PlanKey.ROUNDS) + " (" + count + ")");
        }
        return new Rounds(count, max);
    }
}
