package dev.mixdojo.base.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mixdojo.base.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads YAML (JSON is YAML too) into {@link YamlNode}s that keep their locations. */
public final class YamlFiles {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlFiles() {
    }

    /**
     * Reads a file; syntax errors and duplicate keys go to {@code problems} (the result is then
     * empty or partial). A missing or unreadable file is a BadInputException naming it.
     */
    public static Optional<YamlNode> read(Path file, Problems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file, "no such file.", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file, "is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
        return parse(file, text, problems);
    }

    /** Parses text as if it were the given file. */
    public static Optional<YamlNode> parse(Path file, String text, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), "the file is empty");
                return Optional.empty();
            }
            return Optional.of(node(file, parser, problems));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Location location = at == null ? new Location(file, 1, 1)
                    : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            problems.add(location, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            return Optional.empty();
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read (" + e.getMessage() + ").", e);
        }
    }

    private static YamlNode node(Path file, JsonParser parser, Problems problems) throws IOException {
        Location location = locate(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = locate(file, parser.currentTokenLocation());
                    parser.nextToken();
                    YamlNode value = node(file, parser, problems);
                    if (!seen.add(key)) {
                        problems.add(keyLocation, "the key '" + key + "' appears twice");
                        continue;
                    }
                    entries.add(new YamlNode.Entry(key, keyLocation, value));
                }
                return new YamlNode.MapNode(location, entries);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, parser, problems));
                }
                return new YamlNode.ListNode(location, items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    { return new YamlNode.ScalarNode(location, parser.getText(), YamlNode.ScalarNode.Kind.NUMBER); }
            case VALUE_TRUE, VALUE_FALSE ->
                    { return new YamlNode.ScalarNode(location, parser.getText(), YamlNode.ScalarNode.Kind.BOOLEAN); }
            case VALUE_NULL -> { return new YamlNode.ScalarNode(location, null, YamlNode.ScalarNode.Kind.NULL); }
            default -> { return new YamlNode.ScalarNode(location, parser.getText(), YamlNode.ScalarNode.Kind.STRING); }
        }
    }

    private static Location locate(Path file, JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
