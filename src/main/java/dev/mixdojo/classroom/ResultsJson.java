package dev.mixdojo.classroom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixdojo.base.JsonText;
import dev.mixdojo.exercise.Grade;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The results file's one canonical text: fields in a fixed order, two-space indent, one answer
 * per line, strings escaped one way, decimals by {@link Decimals}. The signature covers the
 * canonical text without its last field; a file that is not byte for byte the canonical text
 * of what it says was edited, even if it still means the same.
 */
final class ResultsJson {
    static final String FORMAT = "mixdojo-results";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ResultsJson() {
    }

    /** A results file from a newer MixDojo: not damaged, just not readable by this version. */
    static final class NewerFormatException extends IllegalArgumentException {
        NewerFormatException(String message) {
            super(message);
        }
    }

    /** The canonical text, with the signature line when {@code withSignature}, else the text that is signed. */
    static String write(Results r, boolean withSignature) {
        StringBuilder out = new StringBuilder("{\n");
        field(out, "format", string(FORMAT));
        field(out, "version", Integer.toString(r.formatVersion()));
        field(out, "student", string(r.student()));
        field(out, "assignmentId", string(r.assignmentId()));
        field(out, "assignmentSha256", string(r.assignmentSha256()));
        field(out, "startedAt", string(r.startedAt().toString()));
        field(out, "finishedAt", string(r.finishedAt().toString()));
        field(out, "passPercent", Decimals.format(r.passMarkPercent()));
        field(out, "due", r.due().map(d -> string(d.toString())).orElse("null"));
        if (r.answers().isEmpty()) {
            field(out, "answers", "[]");
        } else {
            out.append("  \"answers\": [\n");
            for (int i = 0; i < r.answers().size(); i++) {
                out.append("    ").append(answer(r.answers().get(i))).append(i + 1 < r.answers().size() ? ",\n" : "\n");
            }
            out.append("  ],\n");
        }
        field(out, "scorePercent", Decimals.format(r.scorePercent()));
        if (withSignature) {
            field(out, "passed", Boolean.toString(r.passed()));
            out.append("  \"signature\": ").append(string(r.signature())).append("\n}\n");
        } else {
            out.append("  \"passed\": ").append(r.passed()).append("\n}\n");
        }
        return out.toString();
    }

    /** Reads results; an IllegalArgumentException says what is missing or malformed. */
    static Results parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("it is not valid JSON", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("it is not a MixDojo results file");
        }
        int version = integer(root, "version");
        if (version > Results.FORMAT_VERSION) {
            throw new NewerFormatException("it was written by a newer MixDojo (results format " + version + ")");
        }
        List<AnsweredQuestion> answers = new ArrayList<>();
        JsonNode list = root.path("answers");
        if (!list.isArray()) {
            throw new IllegalArgumentException("it has no list of answers");
        }
        for (JsonNode a : list) {
            PlannedQuestion question = new PlannedQuestion(integer(a, "number"), text(a, "lesson"), text(a, "drill"),
                    text(a, "area"), text(a, "kind"), integer(a, "index"), whole(a, "seed"));
            Grade grade = new Grade(number(a, "score"), bool(a, "correct"), number(a, "error"), text(a, "unit"),
                    text(a, "feedback"));
            answers.add(new AnsweredQuestion(question, text(a, "answer"), text(a, "truth"), grade,
                    whole(a, "responseTimeMs")));
        }
        Optional<OffsetDateTime> due = root.path("due").isNull() || root.path("due").isMissingNode() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(text(root, "due")));
        String signature = root.path("signature").isTextual() ? root.path("signature").asText() : "";
        return new Results(version, text(root, "student"), text(root, "assignmentId"), text(root, "assignmentSha256"),
                Instant.parse(text(root, "startedAt")), Instant.parse(text(root, "finishedAt")),
                number(root, "passPercent"), due, answers, number(root, "scorePercent"), bool(root, "passed"), signature);
    }

    private static String answer(AnsweredQuestion a) {
        PlannedQuestion q = a.question();
        Grade g = a.grade();
        return "{\"number\": " + q.number()
                + ", \"lesson\": " + string(q.lessonId())
                + ", \"drill\": " + string(q.drillId())
                + ", \"area\": " + string(q.area())
                + ", \"kind\": " + string(q.kind())
                + ", \"index\": " + q.questionIndex()
                + ", \"seed\": " + q.questionSeed()
                + ", \"answer\": " + string(a.answer())
                + ", \"truth\": " + string(a.truth())
                + ", \"score\": " + Decimals.format(g.score())
                + ", \"correct\": " + g.correct()
                + ", \"error\": " + Decimals.format(g.error())
                + ", \"unit\": " + string(g.unit())
                + ", \"feedback\": " + string(g.feedback())
                + ", \"responseTimeMs\": " + a.responseTimeMs() + "}";
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    /** A JSON string literal, as {@link JsonText} writes every one. */
    static String string(String text) {
        return JsonText.quote(new StringBuilder(text.length() + 2), text).toString();
    }

    /** The text at {@code name}; an IllegalArgumentException naming it when it is missing or not text. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not text");
        }
        return value.asText();
    }

    /** The number at {@code name}; an IllegalArgumentException naming it when it is missing or not a number. */
    static double number(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a number");
        }
        return value.asDouble();
    }

    private static long whole(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not a whole number");
        }
        return value.asLong();
    }

    private static int integer(JsonNode node, String name) {
        long value = whole(node, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + name + "' is out of range");
        }
        return (int) value;
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' is missing or not true/false");
        }
        return value.asBoolean();
    }
}
