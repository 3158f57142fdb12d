package dev.mixdojo.classroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.base.AtomicFiles;
import dev.mixdojo.base.BadInputException;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.Question;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A student's answers to an exam's student pack, in the file the student hands in: the name, when, which
 * assignment the pack was made from (its SHA-256, as the student pack names it) and each question's answer. No
 * grade and no signature: the student holds no key. The teacher grades it against the assignment file
 * ({@link #grade}): the questions are made afresh on the teacher's computer, each answer graded with the key there
 * and the results signed with the results key, so editing the file can change an answer, never make one right.
 */
public final class ExamAnswers {
    /** The {@code format} field of an answers file. */
    static final String FORMAT = "mixdojo-answers";
    /** The version of the format this MixDojo writes and reads. */
    static final int VERSION = 1;
    /** The largest answers file read (drawn curves are the longest answers). */
    static final long MAX_BYTES = 4L << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExamAnswers() {
    }

    /**
     * One answer.
     *
     * @param number         the question's number in the plan, from 1
     * @param answer         what the student answered
     * @param responseTimeMs how long the student took, in milliseconds
     */
    public record Given(int number, Answer answer, long responseTimeMs) {
        public Given {
            Objects.requireNonNull(answer, "answer");
            if (number < 1 || responseTimeMs < 0) {
                throw new IllegalArgumentException("a question number from 1 and a response time from 0");
            }
        }
    }

    /**
     * A student's answers.
     *
     * @param assignmentId     the assignment's id
     * @param assignmentSha256 SHA-256 of the teacher's assignment file the student pack was made from
     * @param student          the student's name
     * @param startedAt        when the student started
     * @param finishedAt       when the student saved the answers
     * @param answers          the answers, one per question answered, in the order given
     */
    public record Sheet(String assignmentId, String assignmentSha256, String student, Instant startedAt,
            Instant finishedAt, List<Given> answers) {
        public Sheet {
            Objects.requireNonNull(assignmentId, "assignmentId");
            Objects.requireNonNull(assignmentSha256, "assignmentSha256");
            student = ResultsWriter.studentName(student);
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
            answers = List.copyOf(answers);
            Set<Integer> numbers = new HashSet<>();
            for (Given given : answers) {
                if (!numbers.add(given.number())) {
                    throw new IllegalArgumentException("question " + given.number() + " is answered twice");
                }
            }
        }
    }

    /** {@code <assignment>-<name>.answers.json}, the name kept to safe characters. */
    public static String fileName(Sheet sheet) {
        return sheet.assignmentId() + "-" + ResultsWriter.slug(sheet.student()) + ".answers.json";
    }

    /** Writes {@code sheet} to {@code file} atomically. */
    public static void write(Path file, Sheet sheet) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("assignment", sheet.assignmentId());
        root.put("assignmentSha256", sheet.assignmentSha256());
        root.put("student", sheet.student());
        root.put("startedAt", sheet.startedAt().toString());
        root.put("finishedAt", sheet.finishedAt().toString());
        ArrayNode answers = root.putArray("answers");
        for (Given given : sheet.answers()) {
            ObjectNode node = answers.addObject();
            node.put("number", given.number());
            node.set("answer", AnswerJson.write(given.answer()));
            node.put("responseTimeMs", given.responseTimeMs());
        }
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(file, e);
        }
    }

    /** Reads an answers file; a missing, oversized or malformed one is a BadInputException naming it. */
    public static Sheet read(Path file) {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file, "is larger than an answers file can be (" + (MAX_BYTES >> 20)
                        + " MiB).");
            }
            try (InputStream in = Files.newInputStream(file)) {
                root = JSON.readTree(in);
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException e) {
            throw new BadInputException(file, Files.exists(file) ? "is not an answers file (" + e.getMessage() + ")."
                    : "does not exist.", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(file, "is not a MixDojo answers file (no \"format\": \"" + FORMAT + "\").");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new BadInputException(file, "is an answers file of version " + root.path("version").asText()
                    + "; this MixDojo reads version " + VERSION + ".");
        }
        try {
            List<Given> answers = new ArrayList<>();
            for (JsonNode node : root.path("answers")) {
                answers.add(new Given(node.path("number").asInt(0), AnswerJson.read(node.get("answer")),
                        node.path("responseTimeMs").asLong(0)));
            }
            return new Sheet(text(root, "assignment"), text(root, "assignmentSha256"), text(root, "student"),
                    Instant.parse(text(root, "startedAt")), Instant.parse(text(root, "finishedAt")), answers);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadInputException(file, "is a damaged answers file (" + e.getMessage() + ").", e);
        } catch (BadInputException e) {
            throw new BadInputException(file, "is a damaged answers file (" + e.getMessage() + ").", e);
        }
    }

    /**
     * Grades a student's answers on the teacher's side: {@code teacher} must be the assignment the student pack was
     * made from; {@code questions} makes its questions (as a student's MixDojo would). Every answer is checked
     * against its question's form and graded with the key; the results are signed with the teacher's results key.
     * An answers file of another assignment, or an answer that fits no question, is a BadInputException naming
     * {@code file}.
     */
    public static Results grade(Path file, Sheet sheet, OpenedPack teacher, AssignmentQuestions questions) {
        if (!sheet.assignmentSha256().equalsIgnoreCase(teacher.sha256())) {
            throw new BadInputException(file, "answers another assignment file (SHA-256 " + sheet.assignmentSha256()
                    + "), not " + teacher.file() + " (SHA-256 " + teacher.sha256() + ").");
        }
        List<PlannedQuestion> plan = teacher.assignment().questionPlan();
        List<AnsweredQuestion> graded = new ArrayList<>();
        for (Given given : sheet.answers()) {
            if (given.number() > plan.size()) {
                throw new BadInputException(file, "answers question " + given.number() + ", but the assignment has "
                        + plan.size() + ".");
            }
            PlannedQuestion planned = plan.get(given.number() - 1);
            Question question = questions.question(planned);
            try {
                AssignmentQuestions.requireFits(question.form(), given.answer());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, "holds an answer to question " + given.number()
                        + " that does not fit it (" + e.getMessage() + ").", e);
            }
            graded.add(AssignmentQuestions.answered(planned, question, given.answer(), question.grade(given.answer()),
                    given.responseTimeMs()));
        }
        graded.sort((x, y) -> Integer.compare(x.question().number(), y.question().number()));
        return new ResultsWriter(teacher).sign(sheet.student(), sheet.startedAt(), sheet.finishedAt(), graded);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("no \"" + field + "\"");
        }
        return node.asText();
    }
}
