package dev.mixdojo.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The gradebook as JSON: title, signaturesChecked, trust, classSize, students, questions, skills, warnings. */
final class GradebookJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradebookJson() {
    }

    static String render(Gradebook g) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", g.title());
        root.put("signaturesChecked", g.signaturesChecked());
        GradebookFormat.trustSentences(g).forEach(root.putArray("trust")::add);
        root.put("classSize", g.classSize());
        ArrayNode students = root.putArray("students");
        for (StudentRow s : g.students()) {
            ObjectNode row = students.addObject();
            row.put("student", s.student());
            row.put("scorePercent", s.scorePercent());
            row.put("passed", s.passed());
            row.put("timeSpentS", s.timeSpent().getSeconds());
            ArrayNode flags = row.putArray("flags");
            s.flags().stream().sorted().forEach(f -> flags.add(f.word()));
            s.notes().forEach(row.putArray("notes")::add);
            row.put("counted", s.counted());
            s.checks().forEach(row.putArray("checks")::add);
            row.put("file", s.file());
        }
        ArrayNode questions = root.putArray("questions");
        for (QuestionShare q : g.questions()) {
            PlannedQuestion p = q.question();
            questions.addObject().put("number", p.number()).put("lesson", p.lessonId()).put("drill", p.drillId())
                    .put("questionInDrill", p.questionIndex()).put("seed", p.questionSeed()).put("skill", p.skill())
                    .put("right", q.right()).put("classSize", q.classSize()).put("sharePercent", q.sharePercent());
        }
        ArrayNode skills = root.putArray("skills");
        for (SkillShare s : g.skills()) {
            skills.addObject().put("skill", s.skill()).put("right", s.right()).put("possible", s.possible())
                    .put("sharePercent", s.sharePercent());
        }
        g.warnings().forEach(root.putArray("warnings")::add);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
