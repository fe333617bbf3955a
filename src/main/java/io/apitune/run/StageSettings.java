package io.apitune.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.apitune.load.Profile;
import io.apitune.load.Stage;

/**
 * The stages of a run's load as written (scenario key {@code stages}), and the one place their
 * rules are stated: each stage holds a level ({@code rate} or {@code connections} for a
 * {@code duration}) or ramps to one ({@code ramp-to} over {@code over}); rate stages make an
 * open-model profile, connections stages a closed-model one, never both; a ramp takes the
 * model of the other stages (open when there are none); connections are whole numbers; something
 * must be sent.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class StageSettings {
    private final Origin origin;
    private final List<Entry> entries = new ArrayList<>();

    /**
     * One stage as written; a field is null when it was not given.
     *
     * @param origin where the stage was written
     */
    public record Entry(Origin origin, Setting rate, Setting connections, Setting rampTo,
            Setting duration, Setting over) {
        public Entry {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * The stages as the load model takes them.
     *
     * @param closed true when they are connections (the closed model)
     */
    record Built(List<Stage> stages, boolean closed) {
        Duration total() {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }

        /** Planned requests over the stages per second of them (open model). */
        double meanRate() {
            Profile profile = Profile.of(stages);
            return profile.countAt(profile.endNanos()) / (profile.endNanos() / 1e9);
        }

        /** The most connections any stage asks for (closed model). */
        int peak() {
            return (int) Math.ceil(Profile.of(stages).peak());
        }
    }

    /** @param origin where the list was written */
    public StageSettings(Origin origin) {
        this.origin = origin;
    }

    public StageSettings add(Entry entry) {
        entries.add(entry);
        return this;
    }

    /** Where the list was written. */
    Origin origin() {
        return origin;
    }

    Built build() {
        if (entries.isEmpty()) {
            throw origin.fail("needs at least one stage");
        }
        Boolean closed = null;
        for (Entry e : entries) {
            Setting level = e.rate() != null ? e.rate() : e.connections();
            if (level != null && closed != null && closed != (e.connections() != null)) {
                throw level.fail("rate and connections stages cannot be mixed (one load model per run)");
            }
            closed = level == null ? closed : e.connections() != null;
        }
        boolean connections = Boolean.TRUE.equals(closed);
        List<Stage> stages = new ArrayList<>();
        for (Entry e : entries) {
            stages.add(stage(e, connections));
        }
        if (stages.stream().allMatch(s -> s.level() == 0)) {
            throw origin.fail("every stage is at 0: nothing would be sent");
        }
        return new Built(List.copyOf(stages), connections);
    }

    private static Stage stage(Entry e, boolean connections) {
        int levels = (e.rate() != null ? 1 : 0) + (e.connections() != null ? 1 : 0)
                + (e.rampTo() != null ? 1 : 0);
        if (levels != 1) {
            throw e.origin().fail("give exactly one of rate, connections and ramp-to");
        }
        if (e.rampTo() != null) {
            if (e.duration() != null) {
                throw e.duration().fail("a ramp lasts 'over' a time, not a 'duration'");
            }
            if (e.over() == null) {
                throw e.origin().fail("ramp-to needs 'over' (e.g. over: 5s)");
            }
            return Stage.rampTo(level(e.rampTo(), connections), e.over().positiveDuration());
        }
        if (e.over() != null) {
            throw e.over().fail("'over' goes with ramp-to; a hold lasts a 'duration'");
        }
        if (e.duration() == null) {
            throw e.origin().fail("a stage of " + (e.rate() != null ? "rate" : "connections")
                    + " needs a 'duration' (e.g. duration: 10s)");
        }
        return Stage.hold(level(e.rate() != null ? e.rate() : e.connections(), connections),
                e.duration().positiveDuration());
    }

    private static double level(Setting value, boolean connections) {
        return connections ? value.integer(0) : value.rateOrZero();
    }
}
