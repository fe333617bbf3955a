package io.apitune.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.apitune.ApituneException;
import io.apitune.run.Origin;
import io.apitune.run.Setting;
import io.apitune.scenario.YamlTree.Node;

/**
 * A value of a scenario file with its key path ({@code runs[2].rate}) and position, and the
 * conversions validation needs. Every failure is an {@link ApituneException} (exit 2) reading
 * {@code file:line:column: key.path: problem}.
 *
 * <p>Immutable; thread-safe.
 */
final class Field implements Origin {
    private final String file;
    private final String path;
    private final Node node;
    private final String key;
    private final YamlTree.Position keyPosition;

    Field(String file, String path, Node node) {
        this(file, path, node, null, null);
    }

    private Field(String file, String path, Node node, String key, YamlTree.Position keyPosition) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.key = key;
        this.keyPosition = keyPosition;
    }

    String path() {
        return path;
    }

    /** An error pointing at this value. */
    @Override
    public ApituneException fail(String problem) {
        return error(file, node.position(), path, problem);
    }

    static ApituneException error(String file, YamlTree.Position at, String path, String problem) {
        return ApituneException.invalidInput(where(file, at, path) + ": " + problem);
    }

    /** {@code file:line:column: key.path}, as messages about this value start. */
    String where() {
        return where(file, node.position(), path);
    }

    private static String where(String file, YamlTree.Position at, String path) {
        String place = at.line() > 0 ? file + ":" + at.line() + ":" + at.column() : file;
        return path.isEmpty() ? place : place + ": " + path;
    }

    /** The map's entries, rejecting any key not in {@code allowed}. */
    Map<String, Node> map(List<String> allowed) {
        if (!(node instanceof YamlTree.MapNode map)) {
            throw fail(node.describe() + " is not a map of keys");
        }
        for (Map.Entry<String, YamlTree.Position> key : map.keyPositions().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                throw error(file, key.getValue(), child(key.getKey()), "unknown key (known: "
                        + String.join(", ", allowed) + ")");
            }
        }
        return map.entries();
    }

    /** The entry under {@code key} of this map, if present and not null. */
    Optional<Field> get(String key) {
        Node child = node instanceof YamlTree.MapNode map ? map.entries().get(key) : null;
        if (child == null || child instanceof YamlTree.Scalar s && s.text() == null) {
            return Optional.empty();
        }
        return Optional.of(new Field(file, child(key), child));
    }

    Field require(String key) {
        return get(key).orElseThrow(() -> fail("missing required key '" + key + "'"));
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when this value is a list. */
    boolean isList() {
        return node instanceof YamlTree.ListNode;
    }

    /** True when this value is a map. */
    boolean isMap() {
        return node instanceof YamlTree.MapNode;
    }

    /**
     * The entries of a map in order: each value as a field, whose {@link #keySetting()} is its
     * key as written.
     */
    List<Field> entries() {
        if (!(node instanceof YamlTree.MapNode map)) {
            throw fail(node.describe() + " is not a map of keys");
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, Node> e : map.entries().entrySet()) {
            fields.add(new Field(file, child(e.getKey()), e.getValue(), e.getKey(),
                    map.keyPositions().get(e.getKey())));
        }
        return fields;
    }

    /** The key this value was written under, as a setting pointing at the key. */
    Setting keySetting() {
        String text = key == null ? "" : key;
        YamlTree.Position at = keyPosition == null ? node.position() : keyPosition;
        String where = path;
        return new Setting(text, problem -> error(file, at, where, problem));
    }

    /** The list's items, each with its index in the path. */
    List<Field> list() {
        if (!(node instanceof YamlTree.ListNode list)) {
            throw fail(node.describe() + " is not a list");
        }
        List<Field> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            items.add(new Field(file, path + "[" + i + "]", list.items().get(i)));
        }
        return items;
    }

    String string() {
        if (!(node instanceof YamlTree.Scalar s) || s.text() == null) {
            throw fail(node.describe() + " is not a text value");
        }
        return s.text();
    }

    /** This value as a run setting: its text, failing at this position. */
    Setting setting() {
        return new Setting(string(), this);
    }
}
