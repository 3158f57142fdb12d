package dev.mixdojo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.exercise.Answer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's answer as JSON, as a live page sends it and a student's answers file keeps it:
 * {@code {"chosen": "1 kHz"}}, {@code {"value": 1000}}, {@code {"settings": {"frequencyHz": 1000, …}}} or
 * {@code {"points": [[0.0, -3], …]}}. The answer alone: never its grade.
 */
public final class AnswerJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnswerJson() {
    }

    /** Reads an answer; anything else, or a number that is not finite, is an IllegalArgumentException. */
    public static Answer read(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("an answer is one of chosen, value, settings or points");
        }
        if (node.path("chosen").isTextual()) {
            return new Answer.Chosen(node.get("chosen").asText());
        }
        if (node.path("value").isNumber()) {
            return new Answer.Valued(finite(node.get("value")));
        }
        if (node.path("settings").isObject()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("settings").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                values.put(entry.getKey(), finite(entry.getValue()));
            }
            return new Answer.Dialed(values);
        }
        if (node.path("points").isArray()) {
            List<Answer.Point> points = new ArrayList<>();
            for (JsonNode point : node.get("points")) {
                if (!point.isArray() || point.size() != 2) {
                    throw new IllegalArgumentException("a point is [seconds, value]");
                }
                points.add(new Answer.Point(finite(point.get(0)), finite(point.get(1))));
            }
            return new Answer.Drawn(points);
        }
        throw new IllegalArgumentException("an answer is one of chosen, value, settings or points");
    }

    /** Writes an answer as {@link #read} reads it. */
    public static ObjectNode write(Answer answer) {
        ObjectNode node = JSON.createObjectNode();
        if (answer instanceof Answer.Chosen c) {
            node.put("chosen", c.label());
        } else if (answer instanceof Answer.Valued v) {
            node.put("value", v.value());
        } else if (answer instanceof Answer.Dialed d) {
            ObjectNode settings = node.putObject("settings");
            d.values().forEach(settings::put);
        } else if (answer instanceof Answer.Drawn d) {
            ArrayNode points = node.putArray("points");
            d.points().forEach(p -> points.addArray().add(p.timeS()).add(p.value()));
        }
        return node;
    }

    private static double finite(JsonNode node) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new IllegalArgumentException("numbers must be finite");
        }
        return node.asDouble();
    }
}
