package dev.mixdojo.analysis.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Reports built as Jackson trees (feature reports outside this package), written as indented JSON; thread-safe. */
public final class JsonTree {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonTree() {
    }

    /** A new empty object to fill. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Plain values (maps, lists, strings, numbers) as a tree to put into a report. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The tree as indented JSON text ending in a newline. */
    public static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a finite number, or null (JSON has no NaN or infinity). */
    public static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
