package io.apitune.run;

/** How a source names its settings in messages that mention another setting. */
public enum Naming {
    /** Command-line flags: {@code --mode}, {@code --ramp-up}. */
    FLAGS,
    /** Scenario keys: {@code mode}, {@code ramp-up}. */
    SCENARIO;

    String of(SettingKey key) {
        return this == FLAGS ? key.flag() : key.key();
    }

    /** The message for two settings given together that exclude each other. */
    String eitherOr(SettingKey a, SettingKey b) {
        return "give either " + of(a) + " or " + of(b) + ", not both";
    }
}
