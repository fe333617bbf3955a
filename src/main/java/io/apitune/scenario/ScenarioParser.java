package io.apitune.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.Problems;
import io.apitune.run.FeederSettings;
import io.apitune.run.LoadKey;
import io.apitune.run.LoadSettings;
import io.apitune.run.PlanKey;
import io.apitune.run.PlanSettings;
import io.apitune.run.Rounds;
import io.apitune.run.RunPlan;
import io.apitune.run.RunSettings;
import io.apitune.run.RunSpec;
import io.apitune.run.Setting;
import io.apitune.run.ShapeKey;
import io.apitune.run.ShapeSettings;
import io.apitune.run.TargetKey;
import io.apitune.run.TransportKey;
import io.apitune.run.Naming;

/**
 * Reads a scenario file (YAML, see docs/scenarios.md): parses it into a located tree, checks its
 * structure (known keys, maps and lists where they belong), and hands every value with its
 * position to the run model's builders ({@link RunSettings}), which state the rules once for
 * files and flags alike. The first problem ends the parse with an {@link ApituneException}
 * (exit 2) reading {@code file:line:column: key.path: problem}. Gates are checked against the run
 * names here, so an unknown metric or run fails before any load is sent.
 *
 * <p>Stateless; thread-safe.
 */
public final class ScenarioParser {
    private static final List<String> TOP_KEYS = Stream.concat(
            Stream.of("name", "description", "server", "feeders", "defaults", "runs", "gates"),
            Stream.of(PlanKey.values()).map(PlanKey::key)).toList();
    /** Load keys of a file: a shard and its start are given on the command line (run --shard). */
    private static final List<String> LOAD_KEYS = Stream.of(
            Stream.of(LoadKey.values()).filter(k -> !k.sharding()).map(LoadKey::key),
            Stream.of(TransportKey.values()).map(TransportKey::key), Stream.of("stages"))
            .flatMap(s -> s).toList();
    private static final List<String> SHAPE_KEYS = Stream.of(ShapeKey.values()).map(ShapeKey::key).toList();
    private static final List<String> RUN_KEYS = Stream.of(Stream.of("name"),
            Stream.of(TargetKey.values()).map(TargetKey::key), Stream.of("base-url", "server"),
            LOAD_KEYS.stream()).flatMap(s -> s).toList();

    private ScenarioParser() {
    }

    /** The keys a scenario file may have at its top level. */
    public static List<String> topKeys() {
        return TOP_KEYS;
    }

    /** Reads and validates a scenario file. */
    public static RunPlan parse(Path file) {
        return parse(file, new PlanSettings(Naming.FLAGS), new LoadSettings(Naming.FLAGS));
    }

    /**
     * Reads and validates a scenario file whose plan-level keys ({@code rounds}, ...) are
     * overridden by {@code overrides} and whose runs take {@code loadOverrides} (the {@code run}
     * command's flags, such as {@code --shard}, that win over the file).
     */
    public static RunPlan parse(Path file, PlanSettings overrides, LoadSettings loadOverrides) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read scenario " + file + " ("
                    + Problems.describe(e) + ")");
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent(), overrides, loadOverrides);
    }

    /**
     * @param fileName shown in error messages
     * @param baseDir  where relative {@code body-file} paths start
     */
    public static RunPlan parse(String text, String fileName, Path baseDir) {
        return parse(text, fileName, baseDir, new PlanSettings(Naming.FLAGS), new LoadSettings(Naming.FLAGS));
    }

    /**
     * As {@link #parse(String, String, Path)}, with the plan-level keys overridden and
     * {@code loadOverrides} winning over every run's own load settings ({@code run --shard}).
     */
    public static RunPlan parse(String text, String fileName, Path baseDir, PlanSettings overrides,
            LoadSettings loadOverrides) {
        YamlTree.Node root;
        try {
            root = YamlTree.read(text);
        } catch (YamlTree.SyntaxError e) {
            throw Field.error(fileName, e.position, "", "invalid YAML: " + e.getMessage());
        }
        Field top = new Field(fileName, "", root);
        top.map(TOP_KEYS);
        String name = top.require("name").string().trim();
        String description = top.get("description").map(Field::string).orElse("");
        LoadSettings defaults = load(top.get("defaults"), baseDir, new LoadSettings(Naming.SCENARIO));
        ShapeSettings shared = shape(top.get("server"), new ShapeSettings());
        List<FeederSettings> feeders = TrafficParser.feeders(top.get("feeders"), baseDir);
        Field runsField = top.require("runs");
        List<RunSettings> settings = new ArrayList<>();
        for (Field item : runsField.list()) {
            settings.add(run(item, baseDir));
        }
        List<RunSpec> runs = RunPlan.build(settings, shared, defaults, feeders, loadOverrides, runsField);
        PlanSettings plan = new PlanSettings(Naming.SCENARIO);
        for (PlanKey key : PlanKey.values()) {
            top.get(key.key()).ifPresent(f -> plan.set(key, f.setting()));
        }
        Rounds rounds = plan.putAll(overrides).build();
        return new RunPlan(name, description, runs, GateItems.parse(top.get("gates"), runs), rounds);
    }

    private static RunSettings run(Field item, Path baseDir) {
        item.map(RUN_KEYS);
        RunSettings run = new RunSettings(Naming.SCENARIO, item);
        run.name(item.require("name").setting());
        for (TargetKey key : TargetKey.values()) {
            item.get(key.key()).ifPresent(f -> run.target().set(key, f.setting()));
        }
        item.get("base-url").ifPresent(b -> run.target().baseUrl(b.setting()));
        item.get("requests").filter(Field::isList).ifPresent(r -> run.mix(TrafficParser.mix(r, baseDir)));
        shape(item.get("server"), run.target().shape());
        load(Optional.of(item), baseDir, run.load());
        return run;
    }

    /** Copies the load keys of a map (a run, or {@code defaults}) into {@code into}. */
    private static LoadSettings load(Optional<Field> map, Path baseDir, LoadSettings into) {
        if (map.isEmpty()) {
            return into;
        }
        Field field = map.get();
        if (field.path().equals("defaults")) {
            field.map(LOAD_KEYS);
        }
        field.get("stages").ifPresent(list -> into.stages(TrafficParser.stages(list)));
        for (LoadKey key : LoadKey.values()) {
            if (key.sharding()) {
                continue;
            }
            Optional<Field> value = field.get(key.key());
            if (value.isEmpty()) {
                continue;
            }
            if (key == LoadKey.REQUESTS && value.get().isList()) {
                if (field.path().equals("defaults")) {
                    throw value.get().fail("a request mix belongs to a run, not to defaults");
                }
                continue; // a run's mix: see run()
            }
            if (key == LoadKey.HEADERS) {
                value.get().list().forEach(h -> into.header(h.setting()));
            } else if (key == LoadKey.BODY_FILE) {
                into.set(key, new Setting(baseDir.resolve(value.get().string().trim()).toString(), value.get()));
            } else {
                into.set(key, value.get().setting());
            }
        }
        for (TransportKey key : TransportKey.values()) {
            // PEM files are relative to the scenario file, as body-file is
            field.get(key.key()).ifPresent(f -> into.transport().set(key, !key.label().equals("FILE")
                    ? f.setting() : new Setting(baseDir.resolve(f.string().trim()).toString(), f)));
        }
        return into;
    }

    private static ShapeSettings shape(Optional<Field> map, ShapeSettings into) {
        map.ifPresent(field -> {
            field.map(SHAPE_KEYS);
            into.origin(field);
            for (ShapeKey key : ShapeKey.values()) {
                field.get(key.key()).ifPresent(f -> into.set(key, f.setting()));
            }
        });
        return into;
    }
}
