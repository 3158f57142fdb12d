package dev.mixdojo.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.AssignmentQuestions;
import dev.mixdojo.classroom.ClassroomFixtures;
import dev.mixdojo.classroom.ExamAnswers;
import dev.mixdojo.classroom.ExamPack;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.PlannedQuestion;
import dev.mixdojo.classroom.live.LiveFixtures;
import dev.mixdojo.cli.Main;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student takes an exam's student pack (audio and prompts, no key) on the Assignment screen by keyboard and hands in
 * an answers file; the teacher's {@code assignment grade} grades it against the assignment file and the gradebook
 * shows the score the answers earn.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class StudentPackScreenTest {
    private static final int QUESTIONS = 3;

    @TempDir
    static Path root;
    static Path teacherFile;
    static OpenedPack teacher;
    static Path studentFile;
    /** Each question's true label, worked out on the teacher's side (never from the student pack). */
    static List<String> truths;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private ExamViewModel model;

    @BeforeAll
    static void aStudentPackMadeByTheTeachersCommand() {
        teacherFile = root.resolve("exam.mixdojo");
        teacher = LiveFixtures.octavePack(teacherFile, AssignmentMode.EXAM, QUESTIONS);
        studentFile = root.resolve("exam-students.mixdojo");
        assertThat(cli("assignment", "student-pack", teacherFile.toString(), "--out", studentFile.toString(),
                "--lessons-dir", lessons().toString(), "--data-dir", root.resolve("data").toString(), "--cache-dir",
                root.resolve("cache").toString())).startsWith("Wrote ");
        LiveFixtures.Sources sources = LiveFixtures.Sources.under(root.resolve("sources"));
        AssignmentQuestions questions = new AssignmentQuestions(teacher.assignment(), sources.lessons(), sources.kinds(),
                sources.audio());
        truths = new ArrayList<>();
        for (PlannedQuestion planned : teacher.assignment().questionPlan()) {
            truths.add(questions.question(planned).key().truthLabel());
        }
    }

    private static Path lessons() {
        return ClassroomFixtures.lessonFolder(root.resolve("lessons"));
    }

    /** Runs the command line; returns what it printed, failing on a non-zero exit. */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Start
    void start(Stage stage) {
        // The student's MixDojo has no lessons at all: a student pack needs none.
        model = new ExamViewModel(audio, worker, Platform::runLater, () -> {
            throw new AssertionError("a student pack is taken without lessons");
        }, root.resolve("student/results"), root.resolve("student/progress"), Clock.systemUTC());
        Scene scene = new Scene(new ExamView(model, worker, null), 1000, 760);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        audio.close();
    }

    @Test
    void aStudentAnswersTheStudentPackByKeyboardAndTheTeachersGradeCommandScoresTheHandIn(FxRobot robot)
            throws Exception {
        ExamPack.Exam exam = ExamPack.open(studentFile).exam();
        TextField path = robot.lookup("#exam-path").queryAs(TextField.class);
        robot.clickOn(path).interact(() -> path.setText(studentFile.toString()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ExamViewModel.Step.READY);
        assertThat(robot.lookup("#exam-title").queryAs(Label.class).getText()).isEqualTo("Octave boosts, live");
        assertThat(robot.lookup("#exam-details").queryAs(Label.class).getText())
                .startsWith("3 questions · exam: one answer each").contains("your teacher grades your answers");

        TextField name = robot.lookup("#exam-name").queryAs(TextField.class);
        robot.clickOn(name).interact(() -> name.setText("Dara Okafor"));
        robot.type(KeyCode.ENTER);
        Label progress = robot.lookup("#exam-progress").queryAs(Label.class);
        for (ExamPack.Question asked : exam.questions()) {
            int number = asked.number();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getText().equals("Question " + number + " of "
                    + QUESTIONS) && !model.busyProperty().get()
                    && model.drillProperty().get().questionProperty().get() != null
                    && model.drillProperty().get().questionProperty().get().prompt().equals(asked.prompt())
                    && !model.drillProperty().get().answeredProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#drill-prompt").queryAs(Label.class).getText()).isEqualTo(asked.prompt());
            assertThat(model.drillProperty().get().versions()).containsExactly("original", "processed");
            List<String> labels = ((AnswerForm.Choice) asked.form()).options().stream().map(AnswerForm.Option::label)
                    .toList();
            String truth = truths.get(number - 1);
            // Right, wrong, right: 2 of 3.
            String chosen = number == 2 ? labels.stream().filter(l -> !l.equals(truth)).findFirst().orElseThrow() : truth;
            robot.type(KeyCode.getKeyCode(Integer.toString(labels.indexOf(chosen) + 1)));
            assertThat(robot.lookup(".truth").tryQuery()).as("no truth marked before the answer").isEmpty();
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#drill-feedback").queryAs(Label.class).getText()).isEqualTo("Answer recorded.");
            assertThat(robot.lookup(".truth").tryQuery()).as("nor after it: the key is the teacher's").isEmpty();
            assertThat(robot.lookup(".chosen-wrong").tryQuery()).isEmpty();
            assertThat(robot.lookup(".drill-feedback").queryAs(Label.class).getStyleClass())
                    .doesNotContain("right", "wrong", "partly");
            robot.type(KeyCode.N);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ExamViewModel.Step.FINISHED);
        Path handIn = model.resultsFileProperty().get();
        assertThat(handIn).exists().hasParent(root.resolve("student/results"));
        assertThat(handIn.getFileName().toString()).isEqualTo("live-quiz-dara-okafor.answers.json");
        assertThat(robot.lookup("#exam-message").queryAs(Label.class).getText())
                .isEqualTo("Your answers are saved in " + handIn + ". Hand this file to your teacher, who grades it.");
        assertThat(Files.readString(handIn)).doesNotContain("score", "correct", "credit", "grade", "signature", "seed",
                "key");
        List<String> given = ExamAnswers.read(handIn).answers().stream()
                .map(g -> ((Answer.Chosen) g.answer()).label()).toList();
        assertThat(given).hasSize(QUESTIONS);
        assertThat(given.get(0)).isEqualTo(truths.get(0));
        assertThat(given.get(1)).isNotEqualTo(truths.get(1));
        assertThat(given.get(2)).isEqualTo(truths.get(2));
        try (var left = Files.list(root.resolve("student/progress"))) {
            assertThat(left.toList()).as("the answers so far are gone once handed in").isEmpty();
        }

        Path results = root.resolve("teacher-results");
        assertThat(cli("assignment", "grade", handIn.toString(), "--pack", teacherFile.toString(), "--results",
                results.toString(), "--lessons-dir", lessons().toString(), "--data-dir", root.resolve("data").toString(),
                "--cache-dir", root.resolve("cache").toString()))
                .contains(handIn + ": Dara Okafor, 3 of 3 questions answered, 66.67 % (passed)");
        Gradebook book = Gradebook.read(results, Optional.of(teacher));
        assertThat(book.warnings()).isEmpty();
        assertThat(book.students()).singleElement().satisfies(row -> {
            assertThat(row.student()).isEqualTo("Dara Okafor");
            assertThat(row.flags()).isEmpty();
            assertThat(row.scorePercent()).isEqualTo(66.67);
        });
    }
}
