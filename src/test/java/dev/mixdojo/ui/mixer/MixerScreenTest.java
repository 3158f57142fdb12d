package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.dsp.automation.Breakpoint;
import dev.mixdojo.dsp.automation.Param;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person completes a small mix challenge by keyboard: faders and a pan set to the target, then "Score my mix". */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class MixerScreenTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private AudioOutput audio;
    private MixerViewModel model;

    @Start
    void start(Stage stage) {
        audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        model = new MixerViewModel(audio, workers, Platform::runLater, (challenge, steps) -> MixerViewModel.Opened.of(SmallChallenge.setup(true)));
        model.load(SmallChallenge.challenge(true));
        Scene scene = new Scene(new MixerView(model), 1100, 720);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        audio.close();
    }

    @Test
    void settingTheFadersAndPanToTheTargetByKeyboardScoresHigh(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-kick").tryQuery().isPresent());
        press(robot, "#fader-kick", KeyCode.PAGE_DOWN, 2); // 2 × 1 dB
        press(robot, "#fader-kick", KeyCode.DOWN, 10);     // 10 × 0.1 dB: −3 dB
        type(robot, "#fader-value-bass", "-6 dB");
        press(robot, "#pan-bass", KeyCode.RIGHT, 4);      // 4 × 0.05 = 0.2 right
        assertThat(robot.lookup("#fader-value-kick").queryAs(TextField.class).getText()).isEqualTo("-3.0 dB");
        assertThat(robot.lookup("#fader-value-bass").queryAs(TextField.class).getText()).isEqualTo("-6.0 dB");

        robot.interact(() -> robot.lookup("#mixer-score").query().requestFocus());
        robot.type(KeyCode.SPACE);
        Label score = robot.lookup("#mixer-score-text").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> score.getText().startsWith("Score: "));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the score lands in the same FX event
        int points = Integer.parseInt(score.getText().replaceAll("Score: (\\d+) / 100.*", "$1"));
        assertThat(points).as(score.getText()).isGreaterThanOrEqualTo(90);
        assertThat(score.getText()).contains("passed");
        assertThat(robot.lookup("#mixer-items").queryAs(ListView.class).getItems()).isNotEmpty();
        // The score stands beside the strips, inside the window, and each channel shows its verdict.
        Node column = robot.lookup("#mixer-score-column").query();
        Node strips = robot.lookup("#fader-vocal").query();
        assertThat(column.localToScene(column.getBoundsInLocal()).getMinX())
                .isGreaterThan(strips.localToScene(strips.getBoundsInLocal()).getMaxX());
        assertThat(column.localToScene(column.getBoundsInLocal()).getMinY()).isLessThan(column.getScene().getHeight() / 2);
        assertThat(robot.lookup("#verdict-bass").queryAs(Label.class).getText()).isNotEmpty();
    }

    @Test
    void aFaderMovedByKeyboardWhilePlayingMovesItsChannelsMeterAndTheMasters(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-vocal").tryQuery().isPresent());
        ProgressBar vocal = robot.lookup("#meter-vocal").queryAs(ProgressBar.class);
        Label master = robot.lookup("#master-value").queryAs(Label.class);
        assertThat(vocal.getProgress()).isZero();
        robot.clickOn("#mixer-play");
        // The silent device plays in real time; the meters follow each frame.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vocal.getProgress() > 0);
        Thread.sleep(500);
        double before = vocal.getProgress();
        String masterBefore = master.getText();
        assertThat(masterBefore).matches("Master -\\d+\\.\\d dBFS · -\\d+\\.\\d LUFS");
        press(robot, "#fader-vocal", KeyCode.PAGE_DOWN, 12); // 12 × 1 dB
        // The peak reading falls 13.3 dB a second: after 1.5 s it reads the new level, 12 dB (0.2 of the 60 dB bar) down.
        Thread.sleep(1500);
        assertThat(vocal.getProgress()).isCloseTo(before - 12 / 60.0, within(0.07));
        assertThat(master.getText()).isNotEqualTo(masterBefore);
    }

    @Test
    void anArmedFaderMovedByKeyboardWhilePlayingWritesARideThatIsDrawnPlayedAndCleared(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-vocal").tryQuery().isPresent());
        TrackModel vocal = model.tracks().stream().filter(t -> t.stem().equals("vocal")).findFirst().orElseThrow();
        assertThat(robot.lookup("#ride-lane-vocal").tryQuery()).isPresent();
        assertThat(robot.lookup("#ride-clear-vocal").queryButton().isDisabled()).as("nothing to clear yet").isTrue();
        press(robot, "#ride-arm-vocal", KeyCode.SPACE, 1);
        assertThat(vocal.rideArmedProperty().get()).isTrue();
        robot.clickOn("#mixer-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.positionSProperty().get() > 0.5);
        double pressedFromS = model.positionSProperty().get();
        press(robot, "#fader-vocal", KeyCode.PAGE_UP, 3); // +3 dB while the song plays
        Thread.sleep(500);
        robot.clickOn("#mixer-play");                     // stop: the pass is written
        WaitForAsyncUtils.waitForFxEvents();
        double stoppedS = model.positionSProperty().get();

        List<Breakpoint> ride = vocal.rideProperty().get();
        assertThat(ride).as("a pass: the level before, the moves, held to the stop, back after").hasSizeGreaterThanOrEqualTo(4);
        assertThat(ride.get(0).value()).isZero();
        assertThat(ride.get(0).timeS()).isBetween(pressedFromS - 0.1, stoppedS);
        assertThat(ride).extracting(Breakpoint::value).anySatisfy(db -> assertThat(db).isCloseTo(3.0, within(1e-9)));
        assertThat(ride.get(ride.size() - 1).value()).as("back to the fader after the pass").isZero();
        assertThat(vocal.faderDbProperty().get()).as("the fader returns to its level").isZero();
        double middleS = (ride.get(1).timeS() + ride.get(ride.size() - 2).timeS()) / 2;
        assertThat(model.playedSession().track("vocal").orElseThrow().faderDb().valueAt(middleS))
                .as("the engine plays the ride").isCloseTo(3.0, within(1e-9));
        assertThat(robot.lookup("#ride-clear-vocal").queryButton().isDisabled()).isFalse();

        robot.clickOn("#ride-clear-vocal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vocal.rideProperty().get()).isEmpty();
        assertThat(model.playedSession().track("vocal").orElseThrow().faderDb()).isEqualTo(Param.of(0));
    }

    @Test
    void aFaderMovesAQuarterDecibelAPixelAtMostNearZeroATenthPerArrowAndResetsOnADoubleClick(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-vocal").tryQuery().isPresent());
        Slider fader = robot.lookup("#fader-vocal").queryAs(Slider.class);
        TextField value = robot.lookup("#fader-value-vocal").queryAs(TextField.class);
        waitForSkin(fader);
        double trackPx = fader.lookup(".track").getLayoutBounds().getHeight();
        assertThat(FaderTaper.dbPerTravelNearZero() / trackPx).as("dB per pixel near 0 dB, track %.0f px", trackPx)
                .isLessThanOrEqualTo(0.25);
        press(robot, "#fader-vocal", KeyCode.UP, 3);
        assertThat(value.getText()).isEqualTo("+0.3 dB");
        type(robot, "#fader-value-vocal", "-7.5");
        assertThat(value.getText()).isEqualTo("-7.5 dB");
        assertThat(fader.getValue()).isCloseTo(FaderTaper.travel(-7.5), within(1e-9));
        type(robot, "#fader-value-vocal", "loud");
        assertThat(value.getText()).as("a word is not a level").isEqualTo("-7.5 dB");
        robot.doubleClickOn(fader.lookup(".thumb"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(value.getText()).isEqualTo("+0.0 dB");
    }

    @Test
    void aShiftDragMovesTheFaderATenthAsFarAsAPlainDrag(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-vocal").tryQuery().isPresent());
        Slider fader = robot.lookup("#fader-vocal").queryAs(Slider.class);
        TextField value = robot.lookup("#fader-value-vocal").queryAs(TextField.class);
        waitForSkin(fader);
        robot.press(KeyCode.SHIFT);
        robot.drag(fader.lookup(".thumb"), MouseButton.PRIMARY).moveBy(0, -40).release(MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        // 40 px × 0.025 dB: +1 dB (a plain drag of 40 px near 0 dB moves about 9 dB).
        assertThat(Double.parseDouble(value.getText().replace(" dB", ""))).isCloseTo(1.0, within(0.15));
    }

    @Test
    void aPanKnobTurnsByKeyboardAndDragCentresOnADoubleClickAndTakesATypedPositionAndTheSendsReachTheEngine(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#pan-vocal").tryQuery().isPresent());
        TextField pan = robot.lookup("#pan-value-vocal").queryAs(TextField.class);
        press(robot, "#pan-vocal", KeyCode.LEFT, 3);
        assertThat(pan.getText()).isEqualTo("15% L");
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pan.getText()).isEqualTo("14% L");
        robot.doubleClickOn("#pan-vocal");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pan.getText()).isEqualTo("C");
        robot.drag("#pan-vocal", MouseButton.PRIMARY).moveBy(30, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // 30 px right at 1 % a pixel (the press itself is a few pixels from where the drag starts counting).
        assertThat(model.playedSession().track("vocal").orElseThrow().pan()).isCloseTo(0.3, within(0.03));
        type(robot, "#pan-value-vocal", "40 L");
        assertThat(model.playedSession().track("vocal").orElseThrow().pan()).isEqualTo(-0.4);
        type(robot, "#pan-value-vocal", "120 R");
        assertThat(pan.getText()).as("beyond the side is no position").isEqualTo("40% L");

        // The target sends the vocal to the reverb at −14 dB: the send starts there; the delay send starts off.
        Label reverb = robot.lookup("#send-reverb-value-vocal").queryAs(Label.class);
        assertThat(reverb.getText()).isEqualTo("Rev -14");
        assertThat(robot.lookup("#send-delay-value-vocal").queryAs(Label.class).getText()).isEqualTo("Dly off");
        press(robot, "#send-reverb-vocal", KeyCode.RIGHT, 2);
        assertThat(model.playedSession().track("vocal").orElseThrow().reverbSendDb()).isEqualTo(-12);
        press(robot, "#send-delay-vocal", KeyCode.RIGHT, 10);
        assertThat(model.playedSession().track("vocal").orElseThrow().delaySendDb()).isEqualTo(-50);
        press(robot, "#send-delay-vocal", KeyCode.HOME, 1);
        assertThat(model.playedSession().track("vocal").orElseThrow().delaySendDb()).isEqualTo(ChannelStrip.OFF);
    }

    /** Waits until the slider's skin (its track and thumb) exists and has been laid out. */
    private static void waitForSkin(Slider slider) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> slider.lookup(".track") != null && slider.lookup(".track").getLayoutBounds().getHeight() > 0);
    }

    private static void type(FxRobot robot, String field, String text) {
        TextField control = robot.lookup(field).queryAs(TextField.class);
        robot.interact(() -> {
            control.requestFocus();
            control.selectAll();
        });
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, String slider, KeyCode key, int times) {
        Node control = robot.lookup(slider).query();
        robot.interact(control::requestFocus);
        for (int i = 0; i < times; i++) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
