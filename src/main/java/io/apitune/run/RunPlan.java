package io.apitune.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.apitune.gate.Gate;
import io.apitune.load.LoadConfig;
import io.apitune.load.FeederSpec;

/**
 * Runs executed in order and the gates checked on their results: a scenario file, or what
 * {@code compare} builds from its flags. Built with {@link #of}, which checks the rules that
 * span runs.
 *
 * <p>Immutable; thread-safe.
 *
 * @param name        names the combined report and the JUnit suite
 * @param description free text, may be empty
 * @param runs        at least one, names unique
 * @param gates       gates whose names were checked against the runs
 * @param rounds      how many interleaved rounds each run is measured in
 */
public record RunPlan(String name, String description, List<RunSpec> runs, List<Gate> gates,
        Rounds rounds) {
    /**
     * Between the planned end of a run and the warm-up of the next when runs start at planned
     * times: room for a run that ends at its deadline, writing its report and starting the
     * next run's in-process server (and database).
     */
    public static final Duration START_GAP = Duration.ofSeconds(10);

    public RunPlan {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        runs = List.copyOf(runs);
        gates = List.copyOf(gates);
        rounds = rounds == null ? Rounds.SINGLE : rounds;
        if (rounds.enabled() && runs.stream().anyMatch(r -> !r.load().shard().whole())) {
            throw io.apitune.ApituneException.invalidInput("--shard: a sharded plan runs each run "
                    + "once at planned start times; it cannot be measured in rounds");
        }
    }

    /** The same plan measured in {@code other} rounds (flags that override a file's keys). */
    public RunPlan withRounds(Rounds other) {
        return new RunPlan(name, description, runs, gates, other);
    }

    /**
     * Builds each run over the shared settings and checks that run names are unique and that
     * shared server-shape settings shape at least one in-process server. {@code feeders} are the
     * plan's feeders (built once, their files' columns read) that every run's templates may name
     * (a request of a mix may not share its name with a run, since gates name both);
     * {@code overrides} win over every run's own settings ({@code run --shard --start-at}). With a
     * start time, each later run starts {@link #START_GAP} after the planned end of the one before
     * (its duration plus its timeout) plus its own warm-up, so every shard starts every run at the
     * same moment.
     *
     * @param context where to point when the plan as a whole is wrong
     */
    public static List<RunSpec> build(List<RunSettings> runs, ShapeSettings sharedShape,
            LoadSettings defaults, List<FeederSettings> feeders, LoadSettings overrides, Origin context) {
        if (runs.isEmpty()) {
            throw context.fail("needs at least one run");
        }
        List<FeederSpec> specs = new ArrayList<>();
        for (FeederSettings feeder : feeders) {
            specs.add(feeder.build());
        }
        Set<String> names = new HashSet<>();
        List<RunSpec> built = new ArrayList<>();
        for (RunSettings settings : runs) {
            RunSpec run = settings.build(sharedShape, defaults, overrides, specs);
            if (!names.add(run.name())) {
                throw settings.nameOrigin().fail("duplicate run name \"" + run.name() + "\"");
            }
            if (!built.isEmpty() && built.get(0).load().startAt() != null) {
                run = run.withStartAt(nextStart(built.get(built.size() - 1), run, settings));
            }
            built.add(run);
        }
        for (int i = 0; i < built.size(); i++) {
            for (String request : built.get(i).load().mix().names()) {
                if (names.contains(request)) {
                    throw runs.get(i).mixOrigin().fail("request \"" + request + "\" has the name of a "
                            + "run: gates could not tell them apart");
                }
            }
        }
        Optional<Setting> streams = defaults.transport().given(TransportKey.STREAMS);
        if (streams.isPresent() && built.stream().noneMatch(r -> r.load().transport().protocol().http2())) {
            throw streams.get().fail("no run uses HTTP/2 (HTTP/1.1 carries one request per connection at a time)");
        }
        if (!sharedShape.isEmpty() && built.stream().noneMatch(r -> r.target().kind() == TargetSpec.Kind.MODE)) {
            throw sharedShape.origin().fail("shapes the in-process server, but no run starts one");
        }
        return built;
    }

    /** The planned start of {@code next}, measured after {@code previous}. */
    private static Instant nextStart(RunSpec previous, RunSpec next, RunSettings settings) {
        LoadConfig p = previous.load();
        if (p.duration() == null) {
            throw settings.nameOrigin().fail("follows run \"" + previous.name() + "\", which has no "
                    + "duration: with a start time every run but the last needs one (the next "
                    + "run's start is planned from it)");
        }
        return p.startAt().plus(p.duration()).plus(p.timeout()).plus(START_GAP)
                .plus(next.load().warmup());
    }

    /** Per run name, the names of its mix's requests (empty for a single-request run). */
    public java.util.Map<String, List<String>> requestNames() {
        java.util.Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        runs.forEach(r -> map.put(r.name(), r.load().mix().names()));
        return map;
    }

    /** The run names, in order. */
    public List<String> runNames() {
        return runs.stream().map(RunSpec::name).toList();
    }
}
