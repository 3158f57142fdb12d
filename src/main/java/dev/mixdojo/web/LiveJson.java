package dev.mixdojo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.StudentQuestion;
import dev.mixdojo.classroom.live.AnswerScale;
import dev.mixdojo.classroom.live.Histogram;
import dev.mixdojo.classroom.live.ProjectorState;
import dev.mixdojo.classroom.live.SessionInfo;
import dev.mixdojo.classroom.live.SessionMode;
import dev.mixdojo.classroom.live.StudentView;
import dev.mixdojo.exercise.AnswerForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the pages and the server exchange: session info, a student's view, the projector's state, refusals,
 * and answers read back into typed values. A choice's options go out as labels only; a value's axis as the
 * slider's labelled steps, so formatting stays in one place (the quantities).
 */
final class LiveJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private LiveJson() {
    }

    static ObjectNode info(SessionInfo info) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "info");
        node.put("title", info.title());
        node.put("mode", info.mode().key());
        node.put("assignmentMode", info.assignmentMode().key());
        node.put("questionCount", info.questionCount());
        node.put("homework", info.homework() == SessionInfo.Homework.MIX);
        return node;
    }

    static String view(StudentView view, SessionMode mode) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "view");
        node.put("name", view.name());
        node.put("phase", view.phase().name().toLowerCase(Locale.ROOT));
        node.put("message", view.message());
        putOptional(node, "handedIn", view.handedIn());
        node.set("asked", view.asked().map(a -> asked(a, mode)).orElse(null));
        node.set("last", view.last().map(a -> asked(a, mode)).orElse(null));
        return text(node);
    }

    private static JsonNode asked(StudentView.Asked asked, SessionMode mode) {
        ObjectNode node = question(asked.question());
        node.put("audio", mode == SessionMode.OWN_HEADPHONES);
        putOptional(node, "yourAnswer", asked.yourAnswer());
        asked.outcome().ifPresentOrElse(o -> node.putObject("outcome").put("truth", o.truth()).put("correct", o.correct())
                .put("feedback", o.feedback()), () -> node.putNull("outcome"));
        return node;
    }

    private static ObjectNode question(StudentQuestion question) {
        ObjectNode node = JSON.createObjectNode();
        node.put("number", question.number());
        node.put("prompt", question.prompt());
        node.put("hint", question.hint());
        node.set("form", form(question.form()));
        return node;
    }

    private static JsonNode form(AnswerForm form) {
        ObjectNode node = JSON.createObjectNode();
        if (form instanceof AnswerForm.Choice choice) {
            ExamPack.putChoice(node, choice);
        } else if (form instanceof AnswerForm.Value value) {
            node.put("kind", "value");
            node.set("steps", steps(AnswerScale.of(value)));
        } else if (form instanceof AnswerForm.Settings settings) {
            node.put("kind", "settings");
            ArrayNode dials = node.putArray("settings");
            for (AnswerForm.Setting setting : settings.settings()) {
                dials.addObject().put("name", setting.name()).set("steps", steps(AnswerScale.of(setting)));
            }
        } else if (form instanceof AnswerForm.Curve curve) {
            node.put("kind", "curve");
            node.put("durationS", curve.durationS());
            node.put("min", curve.min());
            node.put("max", curve.max());
            node.put("minLabel", curve.quantity().format(curve.min()));
            node.put("maxLabel", curve.quantity().format(curve.max()));
        }
        return node;
    }

    private static ArrayNode steps(AnswerScale scale) {
        ArrayNode steps = JSON.createArrayNode();
        for (AnswerScale.Step step : scale.steps()) {
            steps.addArray().add(step.value()).add(step.label());
        }
        return steps;
    }

    static String projector(ProjectorState state, String joinAddress) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "projector");
        node.setAll(info(state.info()));
        node.put("type", "projector");
        node.put("code", state.code().spaced());
        node.put("joinAddress", joinAddress);
        putCounts(node, state.counts());
        node.put("prompt", state.prompt());
        ArrayNode seats = node.putArray("seats");
        for (ProjectorState.Seat seat : state.seats()) {
            ObjectNode s = seats.addObject().put("id", seat.id()).put("name", seat.name()).put("connected", seat.connected())
                    .put("answers", seat.answers()).put("answeredOpen", seat.answeredOpen());
            putOptional(s, "handedIn", seat.handedIn());
        }
        state.histogram().ifPresentOrElse(h -> node.set("histogram", histogram(h)), () -> node.putNull("histogram"));
        ArrayNode problems = node.putArray("problems");
        state.problems().forEach(problems::add);
        return text(node);
    }

    /** The projector's counts alone: sent between whole states while answers pour in. */
    static String counts(ProjectorState.Counts counts) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "counts");
        putCounts(node, counts);
        return text(node);
    }

    private static void putCounts(ObjectNode node, ProjectorState.Counts counts) {
        node.put("phase", counts.phase().name().toLowerCase(Locale.ROOT));
        node.put("questionNumber", counts.questionNumber());
        node.put("connected", counts.connected());
        node.put("answered", counts.answered());
    }

    private static JsonNode histogram(Histogram histogram) {
        ObjectNode node = JSON.createObjectNode();
        node.put("caption", histogram.caption());
        node.put("truth", histogram.truth());
        ArrayNode bars = node.putArray("bars");
        histogram.bars().forEach(b -> bars.addObject().put("label", b.label()).put("count", b.count()).put("truth", b.truth()));
        return node;
    }

    static String refusal(String reason, String sentence) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "refused");
        node.put("reason", reason);
        node.put("message", sentence);
        return text(node);
    }

    /** A JSON object read from text; an IllegalArgumentException when it is not one. */
    static JsonNode object(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }

    private static void putOptional(ObjectNode node, String name, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(name, v), () -> node.putNull(name));
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
