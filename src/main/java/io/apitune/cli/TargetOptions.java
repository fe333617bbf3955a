package io.apitune.cli;

import java.util.Arrays;
import java.util.Iterator;

import io.apitune.run.Naming;
import io.apitune.run.Origin;
import io.apitune.run.RunSettings;
import io.apitune.run.Setting;
import io.apitune.run.TargetKey;
import io.apitune.run.TargetSettings;
import io.apitune.server.Mode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The target flags of a single-run command ({@code bench}, {@code capacity}): one of
 * {@code --mode} (in-process server, shaped by the server flags), {@code --server} with
 * {@code --mode}, or {@code --url}; {@code --queries} for the DB modes. Checked by
 * {@link TargetSettings}, with the same rules as scenario files.
 *
 * <p>Not thread-safe; filled by picocli on the command's thread.
 */
public final class TargetOptions {
    @Option(names = "--mode", paramLabel = "MODE", completionCandidates = ModeNames.class,
            description = "Reference-server mode to drive: ${COMPLETION-CANDIDATES}. Alone it starts "
                    + "the server in-process on a free port.")
    String mode;

    @Option(names = "--server", paramLabel = "URL",
            description = "Base URL of a running 'apitune serve' (e.g. http://host:8080); drives "
                    + "--mode's endpoint there instead of starting a server.")
    String server;

    @Option(names = "--url", paramLabel = "URL",
            description = "Any http:// or https:// URL; {key} is replaced by keys from --keys/--key-dist.")
    String url;

    @Option(names = "--queries", paramLabel = "N",
            description = "DB modes: drive /queries?queries=N (1..500) instead of /db.")
    String queries;

    @Mixin
    ServerShapeOptions shape;

    /** A run's settings holding these flags and the load flags. */
    RunSettings settings(LoadOptions load) {
        RunSettings run = new RunSettings(Naming.FLAGS, Origin.NONE);
        put(run.target(), TargetKey.MODE, mode);
        put(run.target(), TargetKey.SERVER_URL, server);
        put(run.target(), TargetKey.URL, url);
        put(run.target(), TargetKey.QUERIES, queries);
        shape.fill(run.target().shape());
        run.load().putAll(load.settings());
        return run;
    }

    static void put(TargetSettings target, TargetKey key, String value) {
        if (value != null) {
            target.set(key, Setting.flag(key.flag(), value));
        }
    }

    /** Mode names for --help. */
    static final class ModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Mode.values()).map(Mode::path).iterator();
        }
    }
}
