package dev.mixdojo.base.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A YAML (or JSON) value that remembers where it stood in its file, so validation can report
 * every problem with file, line and column.
 */
public sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    /** Where the value starts. */
    Location location();

    /** A mapping, keys in file order. */
    record MapNode(Location location, List<Entry> entries) implements YamlNode {
        public MapNode {
            entries = List.copyOf(entries);
        }

        /** The value of a key, if present. */
        public Optional<YamlNode> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).map(Entry::value).findFirst();
        }
    }

    /** One key of a mapping, with the key's own location. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    /** A sequence. */
    record ListNode(Location location, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar: {@code text} as written (null for YAML null), and whether it was a number,
     * boolean or string.
     */
    record ScalarNode(Location location, String text, Type type) implements YamlNode {
        /** What a scalar parsed as. */
        public enum Type { STRING, NUMBER, BOOLEAN, NULL }
    }

    /** The value as JSON text (for handing a part of a file to a reader that takes text). */
    static String toJson(YamlNode node) {
        StringBuilder json = new StringBuilder();
        appendJson(node, json);
        return json.toString();
    }

    private static void appendJson(YamlNode node, StringBuilder json) {
        if (node instanceof MapNode map) {
            json.append('{');
            for (int i = 0; i < map.entries().size(); i++) {
                Entry entry = map.entries().get(i);
                json.append(i == 0 ? "" : ",");
                appendString(entry.key(), json);
                json.append(':');
                appendJson(entry.value(), json);
            }
            json.append('}');
        } else if (node instanceof ListNode list) {
            json.append('[');
            for (int i = 0; i < list.items().size(); i++) {
                json.append(i == 0 ? "" : ",");
                appendJson(list.items().get(i), json);
            }
            json.append(']');
        } else {
            ScalarNode scalar = (ScalarNode) node;
            switch (scalar.type()) {
                case NUMBER, BOOLEAN -> json.append(scalar.text());
                case NULL -> json.append("null");
                case STRING -> appendString(scalar.text(), json);
            }
        }
    }

    private static void appendString(String text, StringBuilder json) {
        json.append('"').append(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    /** A word for the kind of value, for messages ("a list", "a number"). */
    static String describe(YamlNode node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        return switch (((ScalarNode) node).type()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "nothing";
            case STRING -> "text";
        };
    }
}
