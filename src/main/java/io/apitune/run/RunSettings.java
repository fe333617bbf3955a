package io.apitune.run;

import java.util.Optional;

import io.apitune.load.LoadConfig;
import io.apitune.load.TransportConfig;

/**
 * The settings of one run from any source: an optional name, the target and the load. The
 * single path from flags or scenario keys to a validated {@link RunSpec}.
 *
 * <p>Not thread-safe: fill on one thread, then {@link #build}.
 */
public final class RunSettings {
    private final TargetSettings target;
    private final LoadSettings load;
    private final Origin context;
    private Setting name;

    /** @param context where to point when the run as a whole is wrong (e.g. no target) */
    public RunSettings(Naming naming, Origin context) {
        this.target = new TargetSettings(naming, context);
        this.load = new LoadSettings(naming);
        this.context = context;
    }

    /** Where the run's name was written, or the run itself when it has none. */
    Origin nameOrigin() {
        return name != null ? name.origin() : context;
    }

    /** A name for the run; without one it is named after its target. */
    public RunSettings name(Setting value) {
        this.name = value;
        return this;
    }

    public TargetSettings target() {
        return target;
    }

    public LoadSettings load() {
        return load;
    }

    /**
     * @param sharedShape server shape shared by every run of a plan
     * @param defaults    load settings shared by every run of a plan (a run's own win)
     */
    public RunSpec build(ShapeSettings sharedShape, LoadSettings defaults) {
        return build(sharedShape, defaults, new LoadSettings(Naming.FLAGS));
    }

    /** @param overrides load settings that win over the run's own (a plan's {@code --shard}) */
    public RunSpec build(ShapeSettings sharedShape, LoadSettings defaults, LoadSettings overrides) {
        TargetSpec spec = target.build(sharedShape);
        String runName = Optional.ofNullable(name).map(RunSettings::checkedName)
                .orElseGet(spec::defaultRunName);
        LoadConfig config = load.over(defaults).putAll(overrides).build(spec.plannedUrl(),
                spec.kind() == TargetSpec.Kind.MODE);
        if (config.transport().protocol() == TransportConfig.Protocol.H2
                && spec.kind() == TargetSpec.Kind.MODE) {
            spec = spec.withTls(); // h2 is negotiated through TLS: the in-process server serves it
        }
        return new RunSpec(runName, spec, config);
    }

    /** A run with no shared settings (bench, capacity). */
    public RunSpec build() {
        return build(new ShapeSettings(), new LoadSettings(Naming.FLAGS));
    }

    private static String checkedName(Setting setting) {
        String value = setting.trimmed();
        if (!RunSpec.NAME.matcher(value).matches()) {
            throw setting.fail("\"" + value + "\" is not a run name (letters, digits, _ and -)");
        }
        return value;
    }
}
