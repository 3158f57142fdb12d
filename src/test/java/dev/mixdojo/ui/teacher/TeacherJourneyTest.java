package dev.mixdojo.ui.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.cli.Main;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.exercise.AnswerForm;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.MixDojoApp;
import dev.mixdojo.ui.drill.DrillPane;
import dev.mixdojo.ui.drill.DrillPaneModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A teacher's day in the whole app, headless, on the built-in lessons: the assignment written with
 * the command line, a drill played to the room on the Projector, a student taking the assignment on
 * the Assignment screen by keyboard, and the Gradebook showing that student's score. The screens
 * are opened with their Ctrl+Shift keys; any exception on the JavaFX thread fails it.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class TeacherJourneyTest {
    private static final long WAIT_S = 120;

    @TempDir
    static Path folders;

    private AppServices services;

    @Start
    void start(Stage stage) {
        services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(folders.resolve("data"), folders.resolve("cache")), Executors.newFixedThreadPool(2));
        stage.setScene(MixDojoApp.scene(services, 1100, 780));
        stage.show();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aTeachersDayFromAssignmentToGradebook(FxRobot robot) throws Exception {
        // Morning: the teacher writes this week's assignment, two octave questions, pass mark 50 %.
        Path pack = folders.resolve("week-1.mixdojo");
        String due = LocalDate.now().plusDays(7) + "T17:00";
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"assignment", "create", "--drill", "eq-octave-boosts-noise:octave-boost",
            "--questions", "2", "--seed", "11", "--mode", "exam", "--pass", "50", "--due", due, "--title", "Week 1: octaves",
            "--out", pack.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Wrote " + pack + ": \"Week 1: octaves\", 2 questions");

        // In class: a drill on the projector; A/B, reveal the answer, the next question.
        press(robot, KeyCode.P);
        Label number = robot.lookup("#projector-number").queryAs(Label.class);
        waitUntil(() -> number.getText().equals("Question 1") && !pane(robot).versions().isEmpty());
        DrillPaneModel projected = pane(robot);
        Question first = projected.questionProperty().get();
        Label answer = robot.lookup("#projector-answer").queryAs(Label.class);
        assertThat(answer.getText()).isEmpty();
        robot.type(KeyCode.SPACE).type(KeyCode.B);
        assertThat(services.audio().engine().activeSource()).isEqualTo(projected.versions().get(1));
        robot.type(KeyCode.R);
        assertThat(answer.getText()).isEqualTo(first.key().truthLabel());
        assertThat(robot.lookup(".choice.truth").queryAs(ToggleButton.class).getText()).contains(first.key().truthLabel());
        robot.type(KeyCode.PAGE_DOWN);
        waitUntil(() -> number.getText().equals("Question 2"));
        assertThat(answer.getText()).isEmpty();
        assertThat(projected.questionProperty().get()).isNotSameAs(first);

        // After class: a student opens the assignment, types her name and answers by keyboard.
        press(robot, KeyCode.A);
        TextField path = robot.lookup("#exam-path").queryAs(TextField.class);
        robot.clickOn(path).interact(() -> path.setText(pack.toString()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#exam-title").queryAs(Label.class).getText().equals("Week 1: octaves"));
        TextField name = robot.lookup("#exam-name").queryAs(TextField.class);
        waitUntil(name::isVisible);
        robot.clickOn(name).interact(() -> name.setText("Cleo Martins"));
        robot.type(KeyCode.ENTER);
        Label progress = robot.lookup("#exam-progress").queryAs(Label.class);
        double credit = 0;
        for (int q = 1; q <= 2; q++) {
            int shown = q;
            waitUntil(() -> progress.getText().equals("Question " + shown + " of 2") && pane(robot).questionProperty().get() != null
                    && !pane(robot).versions().isEmpty());
            // An exam shows no meters beside the waveform.
            assertThat(robot.lookup(".waveform-and-meters").tryQuery()).isEmpty();
            Question question = pane(robot).questionProperty().get();
            List<String> options = ((AnswerForm.Choice) question.form()).options().stream().map(AnswerForm.Option::label).toList();
            int truth = options.indexOf(question.key().truthLabel());
            // The first heard right, the second far off.
            int chosen = shown == 1 ? truth : (truth < options.size() / 2 ? options.size() - 1 : 0);
            credit += question.grade(new Answer.Chosen(options.get(chosen))).score();
            robot.type(KeyCode.SPACE).type(KeyCode.TAB).type(KeyCode.valueOf("DIGIT" + (chosen + 1))).type(KeyCode.ENTER);
            // No grade and no truth shown in an exam.
            assertThat(robot.lookup("#drill-feedback").queryAs(Label.class).getText()).isEqualTo("Answer recorded.");
            assertThat(robot.lookup(".choice.truth").tryQuery()).isEmpty();
            robot.type(KeyCode.N);
        }
        assertThat(credit).isEqualTo(1.0);
        Path results = services.directories().data().resolve("results");
        waitUntil(() -> Files.isDirectory(results) && Files.list(results).findAny().isPresent());
        waitUntil(() -> robot.lookup("#exam-message").queryAs(Label.class).getText().contains(results.toString()));

        // Evening: the gradebook of the assignment's results folder lists her at 50 %, a pass.
        press(robot, KeyCode.G);
        TableView<?> students = robot.lookup("#teacher-students").queryAs(TableView.class);
        TextField assignment = robot.lookup("#teacher-assignment").queryAs(TextField.class);
        robot.interact(() -> assignment.setText(pack.toString()));
        TextField folder = robot.lookup("#teacher-folder").queryAs(TextField.class);
        robot.clickOn(folder).interact(() -> folder.setText(results.toString()));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#teacher-title").queryAs(Label.class).getText().equals("Week 1: octaves")
                && students.getItems().size() == 1);
        assertThat(TeacherScreenTest.cell(students, 0, "Student")).isEqualTo("Cleo Martins");
        assertThat(TeacherScreenTest.cell(students, 0, "Score %")).isEqualTo("50.0");
        assertThat(TeacherScreenTest.cell(students, 0, "Result")).isEqualTo("pass");
        assertThat(TeacherScreenTest.cell(students, 0, "Flags")).isEmpty();
        TableView<?> questions = robot.lookup("#teacher-questions").queryAs(TableView.class);
        assertThat(questions.getItems()).hasSize(2);
        assertThat(TeacherScreenTest.cell(questions, 0, "Right")).isEqualTo("1 / 1");
        assertThat(TeacherScreenTest.cell(questions, 1, "Right")).isEqualTo("0 / 1");
    }

    /** Ctrl+Shift and a letter: the teacher's screens. */
    private static void press(FxRobot robot, KeyCode letter) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, letter).release(letter, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private static DrillPaneModel pane(FxRobot robot) {
        return robot.lookup(".drill-pane").queryAs(DrillPane.class).model();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_S, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
