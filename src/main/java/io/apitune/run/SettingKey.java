package io.apitune.run;

import java.util.ArrayList;
import java.util.List;

/**
 * A setting of the run model as both of its sources name it: a scenario key and command-line
 * flags, with the help text the command line shows. {@link LoadKey}, {@link TargetKey},
 * {@link TransportKey} and {@link ShapeKey} implement it.
 */
public interface SettingKey {
    /**
     * What a key is called and says.
     *
     * @param key   the scenario key, e.g. {@code ramp-up}
     * @param flags every flag, the long one last (named in messages), e.g. {@code -c}, {@code --connections}
     * @param label the value's placeholder in help, e.g. {@code TIME}
     * @param help  the help text
     */
    record Spec(String key, List<String> flags, String label, String help) {
        /** {@code --key} unless other flags are given (the long form last). */
        static Spec of(String key, String label, String help, String... flags) {
            List<String> all = new ArrayList<>(List.of(flags));
            if (all.stream().noneMatch(f -> f.startsWith("--"))) {
                all.add("--" + key);
            }
            return new Spec(key, List.copyOf(all), label, help);
        }
    }

    Spec spec();

    default String key() {
        return spec().key();
    }

    default List<String> flags() {
        return spec().flags();
    }

    /** The flag named in messages: the long one. */
    default String flag() {
        return flags().get(flags().size() - 1);
    }

    default String label() {
        return spec().label();
    }

    default String help() {
        return spec().help();
    }

    /** True when the flag may be given several times (a list in a scenario). */
    default boolean repeatable() {
        return false;
    }

    /**
     * True for a switch: its flag takes no value (given means {@code true}); in a scenario file
     * it is {@code true} or {@code false}.
     */
    default boolean isSwitch() {
        return false;
    }
}
