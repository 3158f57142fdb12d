package dev.mixdojo.ui.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.base.Warnings;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.NoiseLessonsApp;
import dev.mixdojo.ui.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The whole app, headless, on a data folder of its own: a learner opens a lesson, starts its
 * drill, answers by keyboard only, sees the grade, and the attempt is in their log.
 */
@ExtendWith(ApplicationExtension.class)
class PracticeScreenTest {
    @TempDir
    static Path folders;

    private AppServices services;
    private Path data;

    @Start
    void start(Stage stage) throws IOException {
        data = folders.resolve("data-" + System.nanoTime());
        services = NoiseLessonsApp.show(stage, folders, data, Executors.newSingleThreadExecutor(), Clock.systemDefaultZone());
        Theme.apply(stage.getScene(), Theme.LIGHT);
    }

    @AfterEach
    void close() {
        NoiseLessonsApp.close(services);
    }

    @Test
    void aLessonsDrillIsAnsweredByKeyboardGradedAndLogged(FxRobot robot) throws Exception {
        robot.clickOn("#nav-lessons");
        // A new learner starts at the top of the curriculum.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#lesson-title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#lesson-title").queryAs(Label.class).getText()).isEqualTo("Hearing octave boosts on pink noise");
        assertThat(robot.lookup(".lesson-paragraph").queryAll()).hasSizeGreaterThan(2);
        assertThat(robot.lookup(".demo").queryAll()).isNotEmpty();

        // The learner tabs to "Start drill" and presses Space.
        Button start = robot.lookup("#lesson-start-octave-boost").queryAs(Button.class);
        robot.interact(start::requestFocus);
        robot.type(KeyCode.SPACE);
        Label prompt = robot.lookup("#drill-prompt").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> prompt.getText().startsWith("Which octave band"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#practice-title").queryAs(Label.class).getText())
                .isEqualTo("Hearing octave boosts on pink noise — Which octave was boosted?");
        assertThat(robot.lookup("#practice-level").queryAs(Label.class).getText())
                .isEqualTo("Level 12 (size of the boost or cut in dB)");

        robot.type(KeyCode.SPACE).type(KeyCode.TAB)
                .type(KeyCode.DIGIT3).type(KeyCode.ENTER);
        Label feedback = robot.lookup("#drill-feedback").queryAs(Label.class);
        assertThat(feedback.getText()).startsWith("You said 250 Hz; it was ");

        AttemptLog log = AttemptLog.inDataDirectory(data);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> log.readAll(new Warnings()).size() == 1);
        Attempt attempt = log.readAll(new Warnings()).get(0);
        assertThat(attempt.lessonId()).isEqualTo("eq-octave-boosts-noise");
        assertThat(attempt.skill()).isEqualTo("eq.frequency");
        assertThat(attempt.answerLabel()).isEqualTo("250 Hz");
        assertThat(attempt.level()).isEqualTo(12);
        Label session = robot.lookup("#practice-session").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.getText().startsWith("This round: 1 answered"));
    }

    @Test
    void practiceContinuesTheDrillOfTheLastAttemptAtItsRebuiltLevel(FxRobot robot) throws Exception {
        AttemptLog log = AttemptLog.inDataDirectory(data);
        for (int i = 0; i < 3; i++) {
            log.append(new Attempt("a" + i, Instant.parse("2026-11-24T18:00:00Z").plusSeconds(10 * i), "eq-cuts",
                    "eq.frequency", 12, i, 5.6, 5.6, "oct", "1 kHz", "1 kHz", true, 1, 4000));
        }
        robot.clickOn("#nav-practice");
        Label prompt = robot.lookup("#drill-prompt").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> prompt.getText().startsWith("Which octave band was cut"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#practice-title").queryAs(Label.class).getText()).isEqualTo("Hearing cuts — Which octave was cut?");
        // The drill starts at 15 dB with 1 dB steps; three right answers are one doubled first step harder: 13 dB.
        assertThat(robot.lookup("#practice-level").queryAs(Label.class).getText())
                .isEqualTo("Level 13 (size of the boost or cut in dB)");
        assertThat(List.of(robot.lookup("#drill-choices").tryQuery().isPresent(), robot.lookup("#live-meters").tryQuery().isPresent()))
                .containsExactly(true, true);
    }
}
