package io.apitune.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.apitune.load.FeederSpec;
import io.apitune.load.LoadConfig;
import io.apitune.load.MixRequest;
import io.apitune.load.RequestMix;
import io.apitune.load.Template;
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
    private final Naming naming;
    private Setting name;
    private MixSettings mix;

    /** @param context where to point when the run as a whole is wrong (e.g. no target) */
    public RunSettings(Naming naming, Origin context) {
        this.target = new TargetSettings(naming, context);
        this.load = new LoadSettings(naming);
        this.context = context;
        this.naming = naming;
    }

    /** Where the run's mix was written, or the run itself. */
    Origin mixOrigin() {
        return mix != null ? mix.origin() : context;
    }

    /** The run sends this mix of requests instead of one (scenario key {@code requests}). */
    public RunSettings mix(MixSettings value) {
        this.mix = value;
        return this;
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
     * @param overrides   load settings that win over the run's own (a plan's {@code --shard})
     * @param feeders     the plan's feeders, which templates may name; the run keeps those its
     *                    templates name
     */
    public RunSpec build(ShapeSettings sharedShape, LoadSettings defaults, LoadSettings overrides,
            List<FeederSpec> feeders) {
        TargetSpec spec = target.build(sharedShape, feeders, mix == null ? null : mix.origin());
        String runName = Optional.ofNullable(name).map(RunSettings::checkedName)
                .orElseGet(spec::defaultRunName);
        boolean hasBase = spec.kind() != TargetSpec.Kind.URL || !spec.url().isEmpty();
        List<MixRequest> requests = mix == null ? List.of() : mix.build(feeders, hasBase, naming);
        LoadConfig config = load.over(defaults).putAll(overrides).build(spec.plannedUrl(),
                new RequestMix(requests, feeders), feeders, spec.kind() == TargetSpec.Kind.MODE);
        if (config.transport().protocol() == TransportConfig.Protocol.H2
                && spec.kind() == TargetSpec.Kind.MODE) {
            spec = spec.withTls(); // h2 is negotiated through TLS: the in-process server serves it
        }
        return new RunSpec(runName, spec, config.withMix(new RequestMix(requests, used(config, feeders))));
    }

    /** A run with no shared settings (bench, capacity). */
    public RunSpec build() {
        return build(new ShapeSettings(), new LoadSettings(Naming.FLAGS), new LoadSettings(Naming.FLAGS),
                List.of());
    }

    /** The feeders {@code config}'s templates name, in the plan's order. */
    private static List<FeederSpec> used(LoadConfig config, List<FeederSpec> feeders) {
        List<String> texts = new ArrayList<>();
        texts.add(config.request().url());
        config.request().headers().forEach(h -> texts.add(h.value()));
        texts.add(text(config.request().body()));
        for (MixRequest r : config.mix().requests()) {
            texts.add(r.request().url());
            r.request().headers().forEach(h -> texts.add(h.value()));
            texts.add(text(r.request().body()));
        }
        Set<String> names = new LinkedHashSet<>();
        texts.forEach(t -> names.addAll(Template.feederNames(t)));
        return feeders.stream().filter(f -> names.contains(f.name())).toList();
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String checkedName(Setting setting) {
        String value = setting.trimmed();
        if (!RunSpec.NAME.matcher(value).matches()) {
            throw setting.fail("\"" + value + "\" is not a run name (letters, digits, _ and -)");
        }
        return value;
    }
}
