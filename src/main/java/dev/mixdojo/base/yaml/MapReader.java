package dev.mixdojo.base.yaml;

import dev.mixdojo.base.yaml.YamlNode.ListNode;
import dev.mixdojo.base.yaml.YamlNode.MapNode;
import dev.mixdojo.base.yaml.YamlNode.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping by name, checking types and ranges, and records a problem
 * (with the value's location) for each field that is missing, of the wrong kind or out of range;
 * {@link #finish} records every key that was never asked for as unknown. Reading goes on after
 * a problem, so one pass finds them all.
 */
public final class MapReader {
    private final MapNode map;
    private final Problems problems;
    private final String what;
    private final Set<String> asked = new HashSet<>();

    /** A reader for {@code node}, which should be a mapping describing {@code what} (e.g. "lesson"). */
    public static Optional<MapReader> of(YamlNode node, Problems problems, String what) {
        if (node instanceof MapNode map) {
            return Optional.of(new MapReader(map, problems, what));
        }
        problems.add(node.location(), what + " should be a mapping of keys to values, but is " + YamlNode.describe(node));
        return Optional.empty();
    }

    private MapReader(MapNode map, Problems problems, String what) {
        this.map = map;
        this.problems = problems;
        this.what = what;
    }

    /** Where the mapping starts. */
    public Location location() {
        return map.location();
    }

    public Problems problems() {
        return problems;
    }

    /** The raw node of a key, if present (marks the key as known). */
    public Optional<YamlNode> node(String key) {
        asked.add(key);
        return map.get(key);
    }

    /** A required text value. */
    public Optional<String> requiredText(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            problems.add(map.location(), what + " needs '" + key + "'");
            return Optional.empty();
        }
        return text(key, node.get());
    }

    /** An optional text value. */
    public Optional<String> optionalText(String key) {
        return node(key).flatMap(n -> text(key, n));
    }

    /** An optional number within [min, max], or the default when absent. */
    public double number(String key, double min, double max, double defaultValue) {
        return node(key).flatMap(n -> number(key, n, min, max)).orElse(defaultValue);
    }

    /** A required number within [min, max]. */
    public Optional<Double> requiredNumber(String key, double min, double max) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            problems.add(map.location(), what + " needs '" + key + "'");
            return Optional.empty();
        }
        return number(key, node.get(), min, max);
    }

    /** An optional whole number within [min, max], or the default when absent. */
    public int integer(String key, int min, int max, int defaultValue) {
        return node(key).flatMap(n -> number(key, n, min, max).flatMap(v -> {
            if (v != Math.rint(v)) {
                problems.add(n.location(), what + " " + key + " must be a whole number, got " + format(v));
                return Optional.empty();
            }
            return Optional.of((int) Math.rint(v));
        })).orElse(defaultValue);
    }

    /** An optional true/false value. */
    public boolean bool(String key, boolean defaultValue) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return defaultValue;
        }
        if (node.get() instanceof ScalarNode s && s.type() == ScalarNode.Type.BOOLEAN) {
            return Boolean.parseBoolean(s.text());
        }
        problems.add(node.get().location(), what + " " + key + " must be true or false");
        return defaultValue;
    }

    /** An optional text value that must be one of the given words. */
    public Optional<String> oneOf(String key, List<String> allowed) {
        return optionalText(key).filter(value -> {
            if (allowed.contains(value)) {
                return true;
            }
            problems.add(map.get(key).orElseThrow().location(),
                    what + " " + key + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
            return false;
        });
    }

    /** An optional list of text values (absent: empty). */
    public List<String> textList(String key) {
        List<String> values = new ArrayList<>();
        node(key).ifPresent(n -> {
            if (n instanceof ListNode list) {
                for (YamlNode item : list.items()) {
                    text(key, item).ifPresent(values::add);
                }
            } else {
                problems.add(n.location(), what + " " + key + " should be a list, but is " + YamlNode.describe(n));
            }
        });
        return values;
    }

    /** An optional list of mappings (absent: empty), each given to its own reader. */
    public List<MapReader> mapList(String key, String itemWhat) {
        List<MapReader> readers = new ArrayList<>();
        node(key).ifPresent(n -> {
            if (n instanceof ListNode list) {
                for (YamlNode item : list.items()) {
                    of(item, problems, itemWhat).ifPresent(readers::add);
                }
            } else {
                problems.add(n.location(), what + " " + key + " should be a list, but is " + YamlNode.describe(n));
            }
        });
        return readers;
    }

    /** Records every key that no read asked for. Call once, after reading. */
    public void finish() {
        for (YamlNode.Entry entry : map.entries()) {
            if (!asked.contains(entry.key())) {
                problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + what);
            }
        }
    }

    private Optional<String> text(String key, YamlNode node) {
        if (node instanceof ScalarNode s && s.type() != ScalarNode.Type.NULL) {
            return Optional.of(s.text());
        }
        problems.add(node.location(), what + " " + key + " should be text, but is " + YamlNode.describe(node));
        return Optional.empty();
    }

    private Optional<Double> number(String key, YamlNode node, double min, double max) {
        if (node instanceof ScalarNode s && s.type() == ScalarNode.Type.STRING && s.text().matches("[-+.0-9].*")) {
            problems.add(node.location(), what + " " + key + " must be a finite decimal number such as 12 or -3.5, got '"
                    + s.text() + "'");
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode s) || s.type() != ScalarNode.Type.NUMBER) {
            problems.add(node.location(), what + " " + key + " should be a number, but is " + YamlNode.describe(node));
            return Optional.empty();
        }
        double value = Double.parseDouble(s.text());
        if (!(value >= min && value <= max)) {
            problems.add(node.location(), what + " " + key + " must be between " + format(min) + " and " + format(max)
                    + ", got " + format(value));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
