package dev.mixdojo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.ExamAnswers;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixdojo assignment grade} end to end on real files: the teacher makes a student pack of an exam, a student's
 * answers file (answers only) is graded against the teacher's assignment file into signed results that the gradebook
 * counts; grades written into the answers file count for nothing, and an answers file of another assignment or with
 * an answer no question takes is refused with a sentence.
 */
class AssignmentGradeCommandTest {
    private static final int QUESTIONS = 3;

    @TempDir
    Path dir;

    private Path teacher;
    private OpenedPack pack;
    private ExamPack.Opened student;
    private List<String> truths;

    private String[] withFolders(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--lessons-dir", ClassroomFixtures.lessonFolder(dir.resolve("lessons")).toString(),
                "--data-dir", dir.resolve("data").toString(), "--cache-dir", dir.resolve("cache").toString()));
        return all.toArray(String[]::new);
    }

    @BeforeEach
    void studentPack() {
        teacher = dir.resolve("exam.mixdojo");
        pack = LiveFixtures.octavePack(teacher, AssignmentMode.EXAM, QUESTIONS);
        Path studentFile = dir.resolve("exam-students.mixdojo");
        CliRunner made = CliRunner.run(withFolders("assignment", "student-pack", teacher.toString(), "--out",
                studentFile.toString()));
        assertThat(made.exitCode()).as(made.err()).isZero();
        student = ExamPack.open(studentFile);
        // The truths, from questions made afresh on the teacher's side: never from the student pack.
        LiveFixtures.Sources sources = LiveFixtures.Sources.under(dir.resolve("sources"));
        AssignmentQuestions questions = new AssignmentQuestions(pack.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        truths = new ArrayList<>();
        for (PlannedQuestion planned : pack.assignment().questionPlan()) {
            truths.add(questions.question(planned).key().truthLabel());
        }
    }

    /** Ana's answers as the app saves them, chosen from the student pack's labels: right, wrong, right. */
    private ExamAnswers.Sheet anas() {
        List<ExamAnswers.Given> given = new ArrayList<>();
        for (ExamPack.Question q : student.exam().questions()) {
            List<String> labels = ((AnswerForm.Choice) q.form()).options().stream().map(AnswerForm.Option::label).toList();
            String truth = truths.get(q.number() - 1);
            assertThat(labels).contains(truth);
            String wrong = labels.stream().filter(l -> !l.equals(truth)).findFirst().orElseThrow();
            given.add(new ExamAnswers.Given(q.number(), new Answer.Chosen(q.number() == 2 ? wrong : truth), 4000));
        }
        return new ExamAnswers.Sheet(student.exam().id(), student.exam().assignmentSha256(), "Ana Souza",
                Instant.parse("2026-12-08T09:00:00Z"), Instant.parse("2026-12-08T09:05:00Z"), given);
    }

    @Test
    void anAnswersFileIsGradedOnTheTeachersSideIntoResultsTheGradebookCounts() throws IOException {
        Path answers = dir.resolve("hand-in").resolve("ana.answers.json");
        Files.createDirectories(answers.getParent());
        ExamAnswers.write(answers, anas());
        String text = Files.readString(answers);
        assertThat(text).doesNotContain("score", "correct", "credit", "grade", "signature", "seed", "key");

        Path results = dir.resolve("results");
        CliRunner graded = CliRunner.run(withFolders("assignment", "grade", answers.toString(), "--pack",
                teacher.toString(), "--results", results.toString()));
        assertThat(graded.exitCode()).as(graded.err()).isZero();
        assertThat(graded.out()).contains(answers + ": Ana Souza, 3 of 3 questions answered, 66.67 % (passed)");

        Gradebook book = Gradebook.read(results, Optional.of(pack));
        assertThat(book.warnings()).isEmpty();
        assertThat(book.students()).singleElement().satisfies(row -> {
            assertThat(row.student()).isEqualTo("Ana Souza");
            assertThat(row.flags()).isEmpty();
            assertThat(row.counted()).isTrue();
            assertThat(row.scorePercent()).isEqualTo(66.67);
        });
        CliRunner gradebook = CliRunner.run("gradebook", results.toString(), "--assignment", teacher.toString());
        assertThat(gradebook.exitCode()).as(gradebook.err()).isZero();
        assertThat(gradebook.out()).contains("Ana Souza");
    }

    @Test
    void gradesWrittenIntoTheAnswersFileCountForNothing() throws IOException {
        Path answers = dir.resolve("ana.answers.json");
        ExamAnswers.write(answers, anas());
        ObjectMapper json = new ObjectMapper();
        ObjectNode forged = (ObjectNode) json.readTree(answers.toFile());
        forged.put("scorePercent", 100).put("passed", true);
        forged.withArray("answers").forEach(a -> ((ObjectNode) a).put("correct", true).put("credit", 1.0)
                .put("grade", "right"));
        json.writeValue(answers.toFile(), forged);

        Path results = dir.resolve("results");
        CliRunner graded = CliRunner.run(withFolders("assignment", "grade", answers.toString(), "--pack",
                teacher.toString(), "--results", results.toString()));
        assertThat(graded.exitCode()).as(graded.err()).isZero();
        assertThat(Gradebook.read(results, Optional.of(pack)).students()).singleElement()
                .satisfies(row -> assertThat(row.scorePercent()).isEqualTo(66.67));
    }

    @Test
    void answersToAnotherAssignmentOrThatFitNoQuestionAreRefusedWithASentence() throws IOException {
        ExamAnswers.Sheet ana = anas();
        Path other = dir.resolve("other.answers.json");
        ExamAnswers.write(other, new ExamAnswers.Sheet(ana.assignmentId(), "0".repeat(64), ana.student(), ana.startedAt(),
                ana.finishedAt(), ana.answers()));
        CliRunner refused = CliRunner.run(withFolders("assignment", "grade", other.toString(), "--pack",
                teacher.toString(), "--results", dir.resolve("results").toString()));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(other + ": answers another assignment file").doesNotContain("Exception");

        Path unfit = dir.resolve("unfit.answers.json");
        List<ExamAnswers.Given> given = new ArrayList<>(ana.answers());
        given.set(0, new ExamAnswers.Given(1, new Answer.Chosen("3 MHz"), 1000));
        ExamAnswers.write(unfit, new ExamAnswers.Sheet(ana.assignmentId(), ana.assignmentSha256(), ana.student(),
                ana.startedAt(), ana.finishedAt(), given));
        CliRunner unfitRun = CliRunner.run(withFolders("assignment", "grade", unfit.toString(), "--pack",
                teacher.toString(), "--results", dir.resolve("results").toString()));
        assertThat(unfitRun.exitCode()).isEqualTo(2);
        assertThat(unfitRun.err()).contains(unfit + ": holds an answer to question 1 that does not fit it");

        Path twice = dir.resolve("twice.answers.json");
        String text = Files.readString(unfit).replace("\"number\" : 2", "\"number\" : 1");
        Files.writeString(twice, text);
        CliRunner twiceRun = CliRunner.run(withFolders("assignment", "grade", twice.toString(), "--pack",
                teacher.toString(), "--results", dir.resolve("results").toString()));
        assertThat(twiceRun.exitCode()).isEqualTo(2);
        assertThat(twiceRun.err()).contains(twice + ": is a damaged answers file (question 1 is answered twice)");
        assertThat(dir.resolve("results")).doesNotExist();
    }
}
