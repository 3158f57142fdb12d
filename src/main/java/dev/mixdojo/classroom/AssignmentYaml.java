package dev.mixdojo.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mixdojo.base.yaml.MapReader;
import dev.mixdojo.base.yaml.Problems;
import dev.mixdojo.base.yaml.YamlFiles;
import dev.mixdojo.base.yaml.YamlNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The assignment manifest ({@code assignment.yaml}): writing, and reading with every problem located. */
final class AssignmentYaml {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private AssignmentYaml() {
    }

    static String write(Assignment a) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", a.formatVersion());
        root.put("id", a.id());
        root.put("title", a.title());
        root.put("mode", a.mode().key());
        root.put("seed", a.seed());
        root.put("questionsPerDrill", a.questionsPerDrill());
        root.put("passPercent", a.passMarkPercent() == Math.rint(a.passMarkPercent())
                ? (Object) (long) a.passMarkPercent() : (Object) a.passMarkPercent());
        a.due().ifPresent(d -> root.put("due", d.toString()));
        List<Map<String, Object>> drills = new ArrayList<>();
        for (AssignmentDrill d : a.drills()) {
            Map<String, Object> drill = new LinkedHashMap<>();
            drill.put("lesson", d.lessonId());
            drill.put("drill", d.drillId());
            drill.put("area", d.area());
            drill.put("kind", d.kind());
            drills.add(drill);
        }
        root.put("drills", drills);
        a.mixChallenge().ifPresent(c -> {
            Map<String, Object> challenge = new LinkedHashMap<>();
            challenge.put("stems", c.stemsFolder());
            challenge.put("target", c.targetEntry());
            root.put("mixChallenge", challenge);
        });
        root.put("resultsKey", a.resultsKeyBase64());
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The assignment in {@code text}, read as if it were {@code file}; every problem goes to {@code problems}. */
    static Optional<Assignment> read(Path file, String text, Problems problems) {
        int before = problems.all().size();
        Optional<Assignment> assignment = YamlFiles.parse(file, text, problems)
                .flatMap(root -> MapReader.of(root, problems, "the assignment"))
                .flatMap(AssignmentYaml::assignment);
        return problems.all().size() == before ? assignment : Optional.empty();
    }

    private static Optional<Assignment> assignment(MapReader r) {
        Problems problems = r.problems();
        int before = problems.all().size();
        int format = r.integer("format", 1, Integer.MAX_VALUE, 0);
        if (r.node("format").isEmpty()) {
            problems.add(r.location(), "the assignment needs 'format' (" + Assignment.FORMAT_VERSION + ")");
        } else if (format > Assignment.FORMAT_VERSION) {
            problems.add(r.node("format").orElseThrow().location(), "the assignment was made by a newer MixDojo (format "
                    + format + "); update MixDojo to open it");
        }
        String id = r.requiredText("id").orElse("");
        String title = r.requiredText("title").orElse("");
        Optional<AssignmentMode> mode = r.oneOf("mode", AssignmentMode.keys()).flatMap(AssignmentMode::ofKey);
        if (r.node("mode").isEmpty()) {
            problems.add(r.location(), "the assignment needs 'mode' (" + String.join(" or ", AssignmentMode.keys()) + ")");
        }
        Optional<Long> seed = seed(r);
        int questions = r.integer("questionsPerDrill", 1, Assignment.MAX_QUESTIONS_PER_DRILL, 0);
        if (r.node("questionsPerDrill").isEmpty()) {
            problems.add(r.location(), "the assignment needs 'questionsPerDrill'");
        }
        Optional<Double> pass = r.requiredNumber("passPercent", 0, 100);
        Optional<OffsetDateTime> due = r.optionalText("due").flatMap(text -> {
            try {
                return Optional.of(OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                problems.add(r.node("due").orElseThrow().location(),
                        "the assignment due '" + text + "' should be a date-time with an offset, e.g. 2026-12-01T17:00+01:00");
                return Optional.empty();
            }
        });
        List<AssignmentDrill> drills = new ArrayList<>();
        for (MapReader d : r.mapList("drills", "a drill")) {
            Optional<String> lesson = d.requiredText("lesson");
            Optional<String> drill = d.requiredText("drill");
            Optional<String> area = d.requiredText("area");
            Optional<String> kind = d.requiredText("kind");
            d.finish();
            if (lesson.isPresent() && drill.isPresent() && area.isPresent() && kind.isPresent()) {
                drills.add(new AssignmentDrill(lesson.get(), drill.get(), area.get(), kind.get()));
            }
        }
        Optional<AssignmentMixChallenge> challenge = mixChallenge(r);
        String key = r.requiredText("resultsKey").orElse("");
        r.finish();
        if (problems.all().size() != before || mode.isEmpty() || seed.isEmpty() || pass.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Assignment(format, id, title, drills, questions, seed.get(), mode.get(), pass.get(),
                    due, key, challenge));
        } catch (IllegalArgumentException e) {
            problems.add(r.location(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The optional {@code mixChallenge: {stems: material/…/, target: material/….wav}}. */
    private static Optional<AssignmentMixChallenge> mixChallenge(MapReader r) {
        Optional<YamlNode> node = r.node("mixChallenge");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return MapReader.of(node.get(), r.problems(), "the mix challenge").flatMap(c -> {
            Optional<String> stems = c.requiredText("stems");
            Optional<String> target = c.requiredText("target");
            c.finish();
            if (stems.isEmpty() || target.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new AssignmentMixChallenge(stems.get(), target.get()));
            } catch (IllegalArgumentException e) {
                r.problems().add(c.location(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The seed as a whole 64-bit number, read from its text: a double would lose digits above 2^53. */
    private static Optional<Long> seed(MapReader r) {
        Optional<YamlNode> node = r.node("seed");
        if (node.isEmpty()) {
            r.problems().add(r.location(), "the assignment needs 'seed'");
            return Optional.empty();
        }
        if (node.get() instanceof YamlNode.ScalarNode s && s.type() == YamlNode.ScalarNode.Type.NUMBER) {
            try {
                return Optional.of(Long.parseLong(s.text()));
            } catch (NumberFormatException e) {
                // falls through to the problem below
            }
        }
        r.problems().add(node.get().location(), "the assignment seed must be a whole number between "
                + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
        return Optional.empty();
    }
}
