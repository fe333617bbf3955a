package io.apitune.run;

/**
 * The settings of a whole plan (a scenario file's top level, {@code compare}'s and {@code run}'s
 * flags), each written once: its scenario key, its flag and its help text.
 */
public enum PlanKey implements SettingKey {
    ROUNDS("rounds", "N", "Measure every run in N interleaved rounds (A B B A ...), each of the "
            + "given duration; gates are then judged on 95-percent confidence intervals over the rounds "
            + "(pass, fail, or inconclusive with exit 5). Default: 1 (one run each)."),
    UNTIL_CONCLUSIVE("until-conclusive", "M", "With rounds: while a gate is inconclusive, run two "
            + "more rounds, up to M rounds in all.");

    private final Spec spec;

    PlanKey(String key, String label, String help) {
        this.spec = Spec.of(key, label, help);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
