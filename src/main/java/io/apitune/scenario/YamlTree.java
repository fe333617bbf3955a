package io.apitune.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree whose every node remembers where it was written (line and column
 * from the Jackson YAML parser), so validation errors can point at the offending key or value.
 *
 * <p>Immutable after {@link #read}; thread-safe.
 */
final class YamlTree {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private YamlTree() {
    }

    /** Where a node starts: 1-based line and column. */
    record Position(int line, int column) {
        static Position of(JsonLocation location) {
            return new Position(location.getLineNr(), location.getColumnNr());
        }
    }

    /** A node of the tree. */
    sealed interface Node permits MapNode, ListNode, Scalar {
        Position position();

        /** What kind of value it is, for messages: a map, a list, a number, ... */
        String describe();
    }

    /** A mapping; keys keep their order and remember their own position. */
    record MapNode(Map<String, Node> entries, Map<String, Position> keyPositions,
            Position position) implements Node {
        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record ListNode(List<Node> items, Position position) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written; {@code text} is null for YAML null.
     *
     * @param numeric true when YAML typed it as a number, false for strings, booleans, null
     */
    record Scalar(String text, boolean numeric, Position position) implements Node {
        @Override
        public String describe() {
            return text == null ? "empty" : "\"" + text + "\"";
        }
    }

    /** Thrown for YAML that does not parse, with its position. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final Position position;

        SyntaxError(String message, Position position) {
            super(message);
            this.position = position;
        }
    }

    /** Reads one YAML document; an empty document is an empty map at line 1. */
    static Node read(String text) throws SyntaxError {
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new MapNode(Map.of(), Map.of(), new Position(1, 1));
            }
            return node(parser, token);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage() == null ? "invalid YAML"
                    : e.getOriginalMessage().split("\n")[0];
            throw new SyntaxError(message, at == null ? new Position(0, 0) : Position.of(at));
        } catch (IOException e) {
            throw new SyntaxError(e.getMessage(), new Position(0, 0));
        }
    }

    private static Node node(JsonParser parser, JsonToken token) throws IOException, SyntaxError {
        Position at = Position.of(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> map(parser, at);
            case START_ARRAY -> list(parser, at);
            case VALUE_NULL -> new Scalar(null, false, at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Scalar(parser.getText(), true, at);
            default -> new Scalar(parser.getText(), false, at);
        };
    }

    private static MapNode map(JsonParser parser, Position at) throws IOException, SyntaxError {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Position> keys = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            Position keyAt = Position.of(parser.currentTokenLocation());
            if (entries.containsKey(key)) {
                throw new SyntaxError("duplicate key '" + key + "'", keyAt);
            }
            keys.put(key, keyAt);
            entries.put(key, node(parser, parser.nextToken()));
        }
        return new MapNode(entries, keys, at);
    }

    private static ListNode list(JsonParser parser, Position at) throws IOException, SyntaxError {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(parser, t));
        }
        return new ListNode(items, at);
    }
}
