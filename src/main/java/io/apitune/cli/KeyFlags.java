package io.apitune.cli;

import java.util.ArrayList;
import java.util.List;

import io.apitune.run.LoadKey;
import io.apitune.run.LoadSettings;
import io.apitune.run.Naming;
import io.apitune.run.Origin;
import io.apitune.run.PlanKey;
import io.apitune.run.PlanSettings;
import io.apitune.run.RunSettings;
import io.apitune.run.Setting;
import io.apitune.run.SettingKey;
import io.apitune.run.ShapeKey;
import io.apitune.run.ShapeSettings;
import io.apitune.run.TargetKey;
import io.apitune.run.TargetSettings;
import io.apitune.run.TransportKey;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The flags of the run model, built from its keys ({@link SettingKey}): a setting's flag, label
 * and help are written once, in its key, for the command line and scenario files alike. A command
 * gets them as its {@code modelTransformer}; its {@code call()} reads what was given, as
 * {@link Setting}s that the run model checks. Nothing is defaulted here: what a flag does not
 * give, the run model's defaults fill.
 *
 * <p>Stateless; picocli calls the transformers once per command line it builds.
 */
final class KeyFlags {
    private KeyFlags() {
    }

    /** bench: what to drive, the load, the in-process server's shape. */
    static final class TargetLoadShape implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(add(add(add(spec, TargetKey.values()), LoadKey.values()), TransportKey.values()),
                    ShapeKey.values());
        }
    }

    /** capacity: as bench without {@code --shard}/{@code --start-at} (a search is not split). */
    static final class TargetUnshardedLoadShape implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            SettingKey[] load = java.util.Arrays.stream(LoadKey.values()).filter(k -> !k.sharding())
                    .toArray(SettingKey[]::new);
            return add(add(add(add(spec, TargetKey.values()), load), TransportKey.values()),
                    ShapeKey.values());
        }
    }

    /** run: the plan's rounds and the keys that split a scenario's runs over machines. */
    static final class PlanSharding implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(add(spec, PlanKey.values()), new SettingKey[] {LoadKey.SHARD, LoadKey.START_AT});
        }
    }

    /** compare: the load and the shape shared by every run, and the plan's rounds. */
    static final class LoadShape implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(add(add(add(spec, LoadKey.values()), TransportKey.values()), ShapeKey.values()),
                    PlanKey.values());
        }
    }

    /** serve: the shape of the server. */
    static final class Shape implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            return add(spec, ShapeKey.values());
        }
    }

    private static CommandSpec add(CommandSpec spec, SettingKey[] keys) {
        for (SettingKey key : keys) {
            if (key.isSwitch()) {
                spec.addOption(OptionSpec.builder(key.flags().toArray(String[]::new)).arity("0")
                        .type(boolean.class).description(key.help()).build());
                continue;
            }
            spec.addOption(OptionSpec.builder(key.flags().toArray(String[]::new)).paramLabel(key.label())
                    .description(key.help()).type(key.repeatable() ? List.class : String.class)
                    .auxiliaryTypes(String.class).build());
        }
        return spec;
    }

    /** The values given for {@code key}, in order; empty when it was not given. */
    static List<Setting> given(CommandSpec spec, SettingKey key) {
        ParseResult parsed = spec.commandLine().getParseResult();
        OptionSpec option = parsed == null ? null : parsed.matchedOption(key.flag());
        List<Setting> values = new ArrayList<>();
        if (option != null) {
            Object value = option.getValue();
            if (key.isSwitch()) {
                value = String.valueOf(value);
            }
            for (Object text : value instanceof List<?> list ? list : List.of(value)) {
                values.add(Setting.flag(key.flag(), (String) text));
            }
        }
        return values;
    }

    static LoadSettings load(CommandSpec spec) {
        LoadSettings settings = new LoadSettings(Naming.FLAGS);
        for (LoadKey key : LoadKey.values()) {
            if (!spec.optionsMap().containsKey(key.flag())) {
                continue;
            }
            for (Setting value : given(spec, key)) {
                if (key.repeatable()) {
                    settings.header(value);
                } else {
                    settings.set(key, value);
                }
            }
        }
        for (TransportKey key : TransportKey.values()) {
            given(spec, key).forEach(value -> settings.transport().set(key, value));
        }
        return settings;
    }

    static PlanSettings plan(CommandSpec spec) {
        PlanSettings settings = new PlanSettings(Naming.FLAGS);
        for (PlanKey key : PlanKey.values()) {
            given(spec, key).forEach(value -> settings.set(key, value));
        }
        return settings;
    }

    static ShapeSettings shape(CommandSpec spec) {
        ShapeSettings settings = new ShapeSettings();
        for (ShapeKey key : ShapeKey.values()) {
            given(spec, key).forEach(value -> settings.set(key, value));
        }
        return settings;
    }

    /** One run from the target, load and shape flags (bench, capacity). */
    static RunSettings run(CommandSpec spec) {
        RunSettings run = new RunSettings(Naming.FLAGS, Origin.NONE);
        target(spec, run.target());
        run.target().shape().putAll(shape(spec));
        run.load().putAll(load(spec));
        return run;
    }

    private static void target(CommandSpec spec, TargetSettings into) {
        for (TargetKey key : TargetKey.values()) {
            given(spec, key).forEach(value -> into.set(key, value));
        }
    }
}
