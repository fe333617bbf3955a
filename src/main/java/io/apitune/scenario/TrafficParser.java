package io.apitune.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.apitune.run.CheckSettings;
import io.apitune.run.FeederSettings;
import io.apitune.run.MixSettings;
import io.apitune.run.Setting;
import io.apitune.run.StageSettings;

/**
 * The parts of a scenario that describe realistic traffic (docs/scenarios.md): a run's
 * {@code requests} mix with each request's {@code check}, the load's {@code stages}, and the
 * top-level {@code feeders}. Checks structure only (known keys, maps and lists where they
 * belong); every rule is the run model's ({@link MixSettings}, {@link CheckSettings},
 * {@link StageSettings}, {@link FeederSettings}).
 *
 * <p>Stateless; thread-safe.
 */
final class TrafficParser {
    static final List<String> REQUEST_KEYS = Stream.concat(
            Stream.of("name", "weight", "headers", "body", "body-file", "check"),
            MixSettings.METHODS.stream()).toList();
    private static final List<String> CHECK_KEYS = List.of("status", "headers", "body", "json");
    private static final List<String> MATCH_KEYS = List.of("equals", "contains");
    private static final List<String> STAGE_KEYS = List.of("rate", "connections", "ramp-to", "duration", "over");
    private static final List<String> FEEDER_KEYS = List.of("csv", "jsonl", "strategy", "at-end");

    private TrafficParser() {
    }

    /** A run's {@code requests} list. */
    static MixSettings mix(Field list, Path baseDir) {
        MixSettings mix = new MixSettings(list);
        for (Field item : list.list()) {
            item.map(REQUEST_KEYS);
            List<MixSettings.Method> methods = new ArrayList<>();
            for (String method : MixSettings.METHODS) {
                item.get(method).ifPresent(url -> methods.add(new MixSettings.Method(method, url.setting())));
            }
            List<Setting> headers = item.get("headers").map(h -> h.list().stream().map(Field::setting)
                    .toList()).orElse(List.of());
            Setting bodyFile = item.get("body-file").map(f -> new Setting(
                    baseDir.resolve(f.string().trim()).toString(), f)).orElse(null);
            mix.add(new MixSettings.Request(item, setting(item.get("name")), setting(item.get("weight")),
                    methods, headers, setting(item.get("body")), bodyFile,
                    item.get("check").map(TrafficParser::check).orElse(null)));
        }
        return mix;
    }

    private static Setting setting(Optional<Field> field) {
        return field.map(Field::setting).orElse(null);
    }

    /** A request's {@code check} map. */
    private static CheckSettings check(Field map) {
        map.map(CHECK_KEYS);
        CheckSettings check = new CheckSettings();
        map.get("status").ifPresent(status -> {
            if (status.isList()) {
                status.list().forEach(s -> check.status(s.setting()));
            } else {
                check.status(status.setting());
            }
        });
        map.get("headers").ifPresent(h -> h.entries().forEach(e -> check.header(matching(e))));
        map.get("body").ifPresent(body -> {
            body.map(List.of("contains"));
            check.bodyContains(body.require("contains").setting());
        });
        map.get("json").ifPresent(j -> j.entries().forEach(e -> check.json(matching(e))));
        return check;
    }

    /** {@code subject: exists} or {@code subject: {equals: V}} / {@code {contains: V}}. */
    private static CheckSettings.Matching matching(Field entry) {
        if (!entry.isMap()) {
            return new CheckSettings.Matching(entry.keySetting(), entry.setting(), null);
        }
        entry.map(MATCH_KEYS);
        List<Field> given = entry.entries();
        if (given.size() != 1) {
            throw entry.fail("give exactly one of exists, equals: VALUE, contains: VALUE");
        }
        Field only = given.get(0);
        return new CheckSettings.Matching(entry.keySetting(), only.keySetting(), only.setting());
    }

    /** A load's {@code stages} list. */
    static StageSettings stages(Field list) {
        StageSettings stages = new StageSettings(list);
        for (Field item : list.list()) {
            item.map(STAGE_KEYS);
            stages.add(new StageSettings.Entry(item, setting(item.get("rate")),
                    setting(item.get("connections")), setting(item.get("ramp-to")),
                    setting(item.get("duration")), setting(item.get("over"))));
        }
        return stages;
    }

    /** The top-level {@code feeders} map; file paths resolve against {@code baseDir}. */
    static List<FeederSettings> feeders(Optional<Field> map, Path baseDir) {
        List<FeederSettings> feeders = new ArrayList<>();
        if (map.isEmpty()) {
            return feeders;
        }
        for (Field entry : map.get().entries()) {
            entry.map(FEEDER_KEYS);
            feeders.add(new FeederSettings(entry.keySetting(), entry, file(entry.get("csv"), baseDir),
                    file(entry.get("jsonl"), baseDir), setting(entry.get("strategy")),
                    setting(entry.get("at-end"))));
        }
        return feeders;
    }

    private static Setting file(Optional<Field> field, Path baseDir) {
        return field.map(f -> new Setting(baseDir.resolve(f.string().trim()).toString(), f)).orElse(null);
    }
}
