package dev.mixdojo.ui.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.classroom.AssignmentMode;
import dev.mixdojo.classroom.Gradebook;
import dev.mixdojo.classroom.OpenedPack;
import dev.mixdojo.classroom.StudentRow;
import dev.mixdojo.grading.KnownMix;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

/** A student takes an exam by keyboard, from opening the file to the results file the gradebook reads. */
@ExtendWith(ApplicationExtension.class)
class ExamScreenTest {
    @TempDir
    static Path root;
    static DrillSources sources;
    static OpenedPack pack;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private ExamViewModel model;

    @BeforeAll
    static void anExamPack() {
        sources = ExamFixtures.sources(root);
        pack = ExamFixtures.pack(root.resolve("eq-quiz.mixdojo"), AssignmentMode.EXAM);
    }

    @Start
    void start(Stage stage) {
        model = new ExamViewModel(audio, worker, Platform::runLater, () -> sources, root.resolve("results"),
                root.resolve("progress"), Clock.systemUTC());
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
    void openTypeTheNameAnswerEveryQuestionAndTheGradebookReadsTheScore(FxRobot robot) throws Exception {
        TextField path = robot.lookup("#exam-path").queryAs(TextField.class);
        robot.clickOn(path).interact(() -> path.setText(pack.file().toString()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ExamViewModel.Step.READY);
        assertThat(robot.lookup("#exam-title").queryAs(Label.class).getText()).isEqualTo("EQ quiz");
        assertThat(robot.lookup("#exam-mix-row").query().isVisible()).as("no homework mix in this pack").isFalse();

        TextField name = robot.lookup("#exam-name").queryAs(TextField.class);
        robot.clickOn(name).interact(() -> name.setText("Cleo Martins"));
        robot.type(KeyCode.ENTER);
        Label progress = robot.lookup("#exam-progress").queryAs(Label.class);
        for (int q = 1; q <= 2; q++) {
            int number = q;
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> progress.getText().equals("Question " + number + " of 2")
                    && !model.busyProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#drill-prompt").queryAs(Label.class).getText()).isEqualTo("Which octave band was boosted?");
            // Exam mode: no meters beside the waveform.
            assertThat(robot.lookup(".waveform-and-meters").tryQuery()).isEmpty();
            robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
            assertThat(robot.lookup("#drill-feedback").queryAs(Label.class).getText()).isEqualTo("Answer recorded.");
            robot.type(KeyCode.N);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ExamViewModel.Step.FINISHED);
        Path written = model.resultsFileProperty().get();
        assertThat(written).exists();
        assertThat(robot.lookup("#exam-message").queryAs(Label.class).getText()).contains(written.toString());

        Gradebook gradebook = Gradebook.read(root.resolve("results"), Optional.of(pack));
        StudentRow row = gradebook.students().get(0);
        assertThat(row.student()).isEqualTo("Cleo Martins");
        assertThat(row.flags()).isEmpty();
        assertThat(row.scorePercent()).isCloseTo(ExamFixtures.scoreOfAlwaysChoosing(pack, sources, 1), within(1e-9));
    }

    @Test
    void anAssignmentWithAHomeworkMixOffersItsStemsAndTheHandIn(FxRobot robot) throws Exception {
        OpenedPack withMix = ExamFixtures.packWithHomeworkMix(root.resolve("with-mix.mixdojo"),
                KnownMix.writeBassThreeDecibelsUp(Files.createDirectories(root.resolve("teacher"))));
        TextField path = robot.lookup("#exam-path").queryAs(TextField.class);
        robot.clickOn(path).interact(() -> path.setText(withMix.file().toString()));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.stepProperty().get() == ExamViewModel.Step.READY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#exam-mix-row").query().isVisible()).isTrue();
        assertThat(robot.lookup("#exam-save-stems").queryButton().getText()).isEqualTo("Save the stems…");
        assertThat(robot.lookup("#exam-hand-in").queryButton().isDisabled()).isFalse();
    }
}
