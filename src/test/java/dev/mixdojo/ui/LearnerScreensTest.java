package dev.mixdojo.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.AttemptLog;
import dev.mixdojo.ui.analyze.AnalyzeView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
 * The learner's screens in the whole app, headless, over a data folder holding one finished
 * round of the first lesson (8 of 10 right): Home, Progress and Analyze.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class LearnerScreensTest {
    @TempDir
    static Path data;

    private AppServices services;

    @Start
    void start(Stage stage) {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(data, data), workers);
        Path log = AttemptLog.inDataDirectory(data).file();
        if (!Files.exists(log)) {
            List<Attempt> round = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                round.add(LearnerFixtures.octave("a" + i, "eq-octave-boosts-noise", "1 kHz", 5.6,
                        i < 9 ? "1 kHz" : "2 kHz", i < 9 ? 5.6 : 6.6, i));
            }
            AttemptLog.inDataDirectory(data).appendAll(round);
        }
        stage.setScene(MixDojoApp.scene(services, 1100, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void homeListsTheCurriculumAndOpensWhatThePrerequisitesAllow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#lesson-eq-cuts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".lesson-map .card").queryAll())
                .hasSize(services.teaching().lessons().lessons().size());
        // The mastered first lesson opens the two that require only it; third octaves also needs "cuts".
        assertThat(robot.lookup("#lesson-eq-cuts").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#lesson-eq-octave-boosts-music").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#lesson-eq-third-octaves").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#lesson-eq-octave-boosts-noise").query().getAccessibleText())
                .isEqualTo("Hearing octave boosts on pink noise, EQ: Mastered · 10 answered · 90 % right");
        for (Node card : robot.lookup(".lesson-map .card").queryAll()) {
            assertThat(card.getAccessibleText()).isNotBlank();
        }
    }

    @Test
    void progressShowsTheAnswersInTheLog(FxRobot robot) throws Exception {
        robot.clickOn("#nav-progress");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#skill-eq-frequency").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        ToggleButton skill = robot.lookup("#skill-eq-frequency").queryAs(ToggleButton.class);
        assertThat(skill.isSelected()).isTrue();
        assertThat(skill.getAccessibleText()).startsWith("Which octave was boosted?: 10 answers, 90 % right");
        // No threshold yet (one reversal): a ring marks the level now, and the numbers say so.
        assertThat(robot.lookup("#level-eq-frequency").tryQuery()).isPresent();
        assertThat(skill.getAccessibleText()).contains("level 8 now; a threshold after 4 reversals (1 so far)");
        // Accuracy per day on a calendar axis: the day of the answers is labelled with its date.
        assertThat(robot.lookup(".line-plot .plot-text").queryAll()).extracting(n -> ((Text) n).getText()).contains("20 Nov");
        assertThat(robot.lookup(".line-plot .plot-marker").queryAll()).hasSize(1);
        // The heat map has the 1 kHz row: 9 right, 1 heard as 2 kHz.
        assertThat(robot.lookup("#progress-confusion .heat-cell").queryAllAs(Label.class))
                .extracting(Label::getText).contains("9", "1");
    }

    @Test
    void analyzeTakesATypedPathLikeListenAndHomework(FxRobot robot) throws Exception {
        Path sine = dev.mixdojo.ui.analyze.AnalyzeViewModelTest.sine(data.resolve("typed.wav"), 0.1, 2);
        robot.clickOn("#nav-analyze");
        robot.clickOn("#analyze-path").write(sine.toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#figure-integrated-loudness").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#analyze-file").queryAs(Label.class).getText()).isEqualTo("typed.wav");
    }

    @Test
    void aTypedFolderShowsTheTableOfItsFilesAndTheAlbum(FxRobot robot) throws Exception {
        Path folder = Files.createDirectories(data.resolve("album"));
        dev.mixdojo.ui.analyze.AnalyzeViewModelTest.sine(folder.resolve("a.wav"), 0.1, 2);
        dev.mixdojo.ui.analyze.AnalyzeViewModelTest.sine(folder.resolve("b.wav"), 0.05, 2);
        Files.writeString(folder.resolve("c.wav"), "not audio");
        robot.clickOn("#nav-analyze");
        robot.clickOn("#analyze-path").write(folder.toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#figure-album-loudness").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#analyze-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getItems()).hasSize(3);
        List<String> cells = robot.lookup("#analyze-table .table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
        assertThat(cells).contains("a.wav", "b.wav", "c.wav", "-20.0", "-26.0");
        assertThat(cells).anySatisfy(t -> assertThat(t).startsWith(folder.resolve("c.wav") + ": "));
        assertThat(robot.lookup("#figure-loudest").queryAs(Label.class).getText()).isEqualTo("-20.0 LUFS");
    }

    @Test
    void analyzingAFileShowsItsIntegratedLoudnessAndABadFileItsSentence(FxRobot robot) throws Exception {
        Path sine = dev.mixdojo.ui.analyze.AnalyzeViewModelTest.sine(data.resolve("sine.wav"), 0.1, 2);
        robot.interact(() -> services.navigation().open(AnalyzeView.SCREEN, sine.toString()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#figure-integrated-loudness").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#figure-integrated-loudness").queryAs(Label.class).getText()).isEqualTo("-20.0 LUFS");
        assertThat(robot.lookup("#analyze-file").queryAs(Label.class).getText()).isEqualTo("sine.wav");

        Path broken = Files.writeString(data.resolve("broken.wav"), "not audio");
        robot.interact(() -> services.navigation().open(AnalyzeView.SCREEN, broken.toString()));
        Label message = robot.lookup("#analyze-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        assertThat(message.getText()).startsWith(broken + ": ").doesNotContain("Exception");
    }
}
