package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.exercise.Answer;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A pane driven by a given question, no staircase (as an exam would drive it), answered by keyboard only. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class DrillPaneKeyboardTest {
    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final List<DrillPaneModel.Answered> answers = new ArrayList<>();
    private DrillPaneModel model;

    @Start
    void start(Stage stage) {
        model = new DrillPaneModel(audio, DrillMode.PRACTICE);
        model.setOnAnswered(answers::add);
        model.setOnNext(() -> model.show(TestQuestions.cutoff()));
        model.show(TestQuestions.octaveBand());
        Scene scene = new Scene(new DrillPane(model, worker), 900, 600);
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
    void spacePlaysTabSwitchesDigitsChooseEnterGradesAndNGoesOn(FxRobot robot) {
        robot.type(KeyCode.SPACE);
        assertThat(robot.lookup("#drill-play").queryAs(Button.class).getText()).contains("Stop");
        robot.type(KeyCode.TAB);
        assertThat(audio.engine().activeSource()).isEqualTo("processed");
        robot.type(KeyCode.A);
        assertThat(audio.engine().activeSource()).isEqualTo("original");
        robot.type(KeyCode.DIGIT4).type(KeyCode.ENTER);

        Label feedback = robot.lookup("#drill-feedback").queryAs(Label.class);
        assertThat(feedback.getText()).isEqualTo("You said 1 kHz; it was 1 kHz.");
        assertThat(feedback.getStyleClass()).contains("right");
        assertThat(answers).hasSize(1);

        robot.type(KeyCode.N);
        assertThat(robot.lookup("#drill-prompt").queryAs(Label.class).getText()).isEqualTo("Where is the high-pass filter's cutoff?");
        assertThat(feedback.getText()).isEmpty();
        // The value picker starts at 632 Hz; twelve presses of ← are one octave down, to 316 Hz.
        for (int i = 0; i < 12; i++) {
            robot.type(KeyCode.LEFT);
        }
        assertThat(robot.lookup("#drill-value-label").queryAs(Label.class).getText()).isEqualTo("316 Hz");
        robot.type(KeyCode.ENTER);
        assertThat(feedback.getText()).startsWith("You said 316 Hz; it was 500 Hz — 0.7 octaves low.");
    }

    @Test
    void aClickedChoiceIsChosenAndAfterTheAnswerTheTruthAndTheWrongChoiceAreMarked(FxRobot robot) {
        ToggleButton twoKilohertz = robot.lookup("#drill-choice-5").queryAs(ToggleButton.class);
        robot.clickOn(twoKilohertz);
        assertThat(model.pendingAnswerProperty().get()).contains(new Answer.Chosen("2 kHz"));
        assertThat(twoKilohertz.isSelected()).isTrue();
        robot.clickOn("#drill-answer");
        Label feedback = robot.lookup("#drill-feedback").queryAs(Label.class);
        assertThat(feedback.getText()).isEqualTo("You said 2 kHz; it was 1 kHz — 1 octave high. Partly right: 67% credit.");
        assertThat(feedback.getStyleClass()).contains("partly").doesNotContain("wrong", "right");
        ToggleButton oneKilohertz = robot.lookup("#drill-choice-4").queryAs(ToggleButton.class);
        assertThat(oneKilohertz.getStyleClass()).contains("truth");
        assertThat(oneKilohertz.getText()).endsWith("1 kHz  ✓");
        assertThat(twoKilohertz.getStyleClass()).contains("chosen-wrong");
        assertThat(twoKilohertz.isSelected()).isTrue();
        // One answer per question: nothing offers a second try.
        assertThat(robot.lookup("#drill-answer").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(feedback.getText()).doesNotContain("Try again");

        robot.type(KeyCode.N);
        assertThat(robot.lookup("#drill-truth-label").queryAs(Label.class).isVisible()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#drill-truth-label").queryAs(Label.class).getText()).isEqualTo("truth: 500 Hz");
        assertThat(robot.lookup("#drill-truth-label").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void theMetersAreBlankUntilPlayAndReadTheOriginalWhileBPlaysUntilTheAnswer(FxRobot robot) throws Exception {
        Label peak = robot.lookup("#meter-peak").queryAs(Label.class);
        Label key = robot.lookup("#live-spectrum-key").queryAs(Label.class);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertThat(peak.getText()).as("before playback").isEqualTo("—");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> peak.getText().endsWith("dBFS"));
        // The original is the tone at 0.25 of full scale, the processed version at 0.5 (6 dB louder).
        assertThat(peak.getText()).isEqualTo("-12.0 dBFS");
        robot.type(KeyCode.B);
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        assertThat(peak.getText()).as("while B plays, before the answer").isEqualTo("-12.0 dBFS");
        assertThat(key.isVisible()).isFalse();

        robot.type(KeyCode.DIGIT4).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> peak.getText().equals("-6.0 dBFS"));
        WaitForAsyncUtils.waitForFxEvents(); // the reading is shown in one go on the JavaFX thread
        assertThat(key.isVisible()).isTrue();
        assertThat(key.getText()).isEqualTo("Spectrum: left bar original, right bar processed in each band");
    }

    @Test
    void everyButtonAndTheAnswerWidgetHaveAnAccessibleName(FxRobot robot) {
        for (Node node : robot.lookup(".drill-pane .button").queryAll()) {
            assertThat(((ButtonBase) node).getAccessibleText()).as(((ButtonBase) node).getText()).isNotBlank();
        }
        for (Node node : robot.lookup(".drill-pane .toggle-button").queryAll()) {
            assertThat(node.getAccessibleText()).isNotBlank();
        }
        assertThat(robot.lookup("#drill-choice-4").queryAs(ButtonBase.class).getAccessibleText()).isEqualTo("1 kHz (4)");
    }

    @Test
    void aRideIsDrawnFromTheKeyboardAndASettingsAnswerDialled(FxRobot robot) {
        robot.interact(() -> model.show(TestQuestions.ride()));
        assertThat(robot.lookup("#drill-curve").tryQuery()).isPresent();
        // → twice picks the point at 1 s; Shift+↑ twice raises it 6 dB.
        robot.type(KeyCode.RIGHT, 2);
        robot.press(KeyCode.SHIFT).type(KeyCode.UP, 2).release(KeyCode.SHIFT);
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#drill-feedback").queryAs(Label.class).getText()).startsWith("You said +6 dB; it was +6 dB");

        robot.interact(() -> model.show(TestQuestions.eqMatch()));
        // ↓ goes to the gain dial; Shift+→ twice turns it to +6 dB.
        robot.type(KeyCode.DOWN);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 2).release(KeyCode.SHIFT);
        assertThat(robot.lookup("#drill-value-label-2").queryAs(Label.class).getText()).isEqualTo("gainDb: +6 dB");
    }
}
