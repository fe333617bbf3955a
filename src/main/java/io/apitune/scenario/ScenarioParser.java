package io.apitune.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.apitune.ApituneException;
import io.apitune.gate.Gate;
import io.apitune.gate.GateEvaluator;
import io.apitune.gate.GateParser;
import io.apitune.gate.ReportMetrics;
import io.apitune.server.Mode;

/**
 * Reads a scenario file (YAML, see docs/scenarios.md) in three steps: parse into a located tree,
 * validate every key and value, build an immutable {@link Scenario}. The first problem ends the
 * parse with an {@link ApituneException} (exit 2) reading
 * {@code file:line:column: key.path: problem}, e.g. {@code runs[2].rate: "fast" is not a rate}.
 * Gates are checked against the run names here, so an unknown metric or run fails before any
 * load is sent.
 *
 * <p>Stateless; thread-safe.
 */
public final class ScenarioParser {
    private static final List<String> TOP_KEYS =
            List.of("name", "description", "server", "defaults", "runs", "gates");
    private static final List<String> TARGET_KEYS =
            List.of("name", "mode", "url", "server-url", "queries", "server");
    private static final List<String> RUN_KEYS =
            Stream.concat(TARGET_KEYS.stream(), LoadKeys.NAMES.stream()).toList();
    private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private ScenarioParser() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApituneException.invalidInput("cannot read scenario " + file + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir);
    }

    /**
     * @param fileName shown in error messages
     * @param baseDir  where relative {@code body-file} paths start
     */
    public static Scenario parse(String text, String fileName, Path baseDir) {
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
        Field defaults = top.get("defaults").orElse(null);
        if (defaults != null) {
            defaults.map(LoadKeys.NAMES);
        }
        Field server = top.get("server").orElse(null);
        List<RunSpec> runs = runs(top.require("runs"), defaults, server, baseDir);
        List<Gate> gates = gates(top.get("gates"), runs);
        return new Scenario(name, description, runs, gates);
    }

    private static List<RunSpec> runs(Field list, Field defaults, Field server, Path baseDir) {
        List<Field> items = list.list();
        if (items.isEmpty()) {
            throw list.fail("needs at least one run");
        }
        List<RunSpec> runs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Field item : items) {
            item.map(RUN_KEYS);
            Field nameField = item.require("name");
            String name = nameField.string().trim();
            if (!RUN_NAME.matcher(name).matches()) {
                throw nameField.fail("\"" + name + "\" is not a run name (letters, digits, _ and -)");
            }
            if (!names.add(name)) {
                throw nameField.fail("duplicate run name \"" + name + "\"");
            }
            TargetSpec target = target(item, server);
            runs.add(new RunSpec(name, target, new LoadKeys(item, defaults, baseDir)
                    .build(requestUrl(target))));
        }
        return runs;
    }

    private static TargetSpec target(Field run, Field server) {
        Optional<Field> mode = run.get("mode");
        Optional<Field> url = run.get("url");
        if (mode.isPresent() == url.isPresent()) {
            throw (url.isPresent() ? url.get() : run).fail("give exactly one of mode and url");
        }
        if (url.isPresent()) {
            for (String key : List.of("queries", "server", "server-url")) {
                if (run.get(key).isPresent()) {
                    throw run.get(key).get().fail("only applies to mode runs, not to url runs");
                }
            }
            return TargetSpec.url(checkedUrl(url.get()));
        }
        Mode m;
        try {
            m = Mode.parse(mode.get().string());
        } catch (IllegalArgumentException e) {
            throw mode.get().fail(e.getMessage().replace('\'', '"'));
        }
        Integer queries = null;
        Optional<Field> q = run.get("queries");
        if (q.isPresent()) {
            if (!m.isDb()) {
                throw q.get().fail("only applies to the database modes (blocking-db, async-db, cached-db)");
            }
            queries = q.get().intValue(1);
        }
        Optional<Field> serverUrl = run.get("server-url");
        if (serverUrl.isPresent()) {
            if (run.get("server").isPresent()) {
                throw run.get("server").get().fail("shapes the in-process server; not with server-url");
            }
            return TargetSpec.server(checkedUrl(serverUrl.get()), m, queries);
        }
        ServerKeys shape = new ServerKeys(run.get("server").orElse(null), server);
        return TargetSpec.mode(m, shape.build(m.isDb()), queries);
    }

    private static String checkedUrl(Field field) {
        String url = field.string().trim();
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw field.fail("\"" + url + "\" is not an http:// or https:// URL");
        }
        return url;
    }

    /** The URL put in the run's LoadConfig; for mode targets only the path is known here. */
    private static String requestUrl(TargetSpec target) {
        return switch (target.kind()) {
            case URL -> target.url();
            case SERVER -> stripSlash(target.baseUrl()) + target.modePath();
            case MODE -> target.modePath();
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static List<Gate> gates(Optional<Field> list, List<RunSpec> runs) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<String> names = runs.stream().map(RunSpec::name).toList();
        ReportMetrics known = ReportMetrics.namesOnly(names);
        GateEvaluator check = new GateEvaluator(known, known);
        List<Gate> gates = new ArrayList<>();
        for (Field item : list.get().list()) {
            try {
                Gate gate = GateParser.parse(item.string());
                check.evaluate(gate);
                gates.add(gate);
            } catch (ApituneException e) {
                throw item.fail(e.getMessage());
            }
        }
        return gates;
    }
}
