package dev.mixdojo.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.exercise.Question;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import dev.mixdojo.ui.Truncation;
import dev.mixdojo.ui.exam.DrillSources;
import dev.mixdojo.ui.exam.ExamFixtures;
import dev.mixdojo.web.LiveServer;
import dev.mixdojo.web.ServerLimits;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** A teacher plays a drill to the room by keyboard: A/B, reveal with R, next with Page Down. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class ProjectorScreenTest {
    @TempDir
    static Path root;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private ProjectorViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DrillSources sources = ExamFixtures.sources(root);
        model = new ProjectorViewModel(audio, worker, Platform::runLater, () -> sources, () -> 5L);
        LiveRoomModel live = new LiveRoomModel(audio, worker, Platform::runLater, () -> sources, root.resolve("results"),
                port -> new LiveServer.Options(InetAddress.getLoopbackAddress(), 0, ServerLimits.CLASSROOM));
        Scene scene = new Scene(new ProjectorView(model, live, worker), 1280, 800);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        worker.shutdownNow();
        audio.close();
    }

    /** In the app the Projector shares the window with the navigation: its live row still shows every button's words. */
    @Test
    void theLiveRowsButtonsAreDrawnWholeBesideTheNavigation(FxRobot robot) {
        robot.interact(() -> stage.setWidth(920));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#live-choose").query().getParent();
        assertThat(Truncation.cutShort(row)).isEmpty();
    }

    @Test
    void rRevealsTheAnswerInLargeTypeAndPageDownMovesToAFreshQuestion(FxRobot robot) throws Exception {
        Label number = robot.lookup("#projector-number").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> number.getText().equals("Question 1"));
        Label answer = robot.lookup("#projector-answer").queryAs(Label.class);
        assertThat(answer.getText()).isEmpty();
        Question first = model.drill().questionProperty().get();
        // One set of controls, one line of keys: the projector's, not the drill pane's Answer and Next too.
        assertThat(robot.lookup("#drill-answer").tryQuery()).isEmpty();
        assertThat(robot.lookup("#drill-next").tryQuery()).isEmpty();
        assertThat(robot.lookup(".drill-pane .hint").tryQuery()).isEmpty();
        assertThat(robot.lookup("#projector-reveal").tryQuery()).isPresent();
        assertThat(robot.lookup("#projector-next").tryQuery()).isPresent();

        robot.clickOn("#drill-play");
        robot.type(KeyCode.B);
        assertThat(audio.engine().activeSource()).isEqualTo(model.drill().versions().get(1));
        robot.type(KeyCode.R);
        assertThat(answer.getText()).isEqualTo(first.key().truthLabel());
        assertThat(robot.lookup("#projector-reveal").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup(".choice.truth").queryAs(ToggleButton.class).getText()).contains(first.key().truthLabel());
        // Large enough to read from the back of a room.
        assertThat(answer.getFont().getSize()).isGreaterThanOrEqualTo(48);
        assertThat(robot.lookup("#drill-prompt").queryAs(Label.class).getFont().getSize()).isGreaterThanOrEqualTo(32);

        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> number.getText().equals("Question 2"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer.getText()).isEmpty();
        assertThat(model.drill().questionProperty().get().seed()).isNotEqualTo(first.seed());
        assertThat(robot.lookup("#projector-reveal").queryAs(Button.class).isDisabled()).isFalse();
    }
}
