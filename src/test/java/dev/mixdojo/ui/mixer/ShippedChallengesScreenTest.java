package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.mix.MixSessionReader;
import dev.mixdojo.mix.ShippedExcerpts;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every shipped mix challenge opens on the Mixer with its song's real stems (over the stretch each scores), is
 * scored, and after the learner moves one control of a scored kind (a fader, a pan knob, an EQ band, a
 * compressor, a reverb send) scores differently: each challenge can be worked from its screen.
 */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class ShippedChallengesScreenTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private AudioOutput audio;
    private MixerViewModel model;

    @Start
    void start(Stage stage) {
        audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        model = new MixerViewModel(audio, workers, Platform::runLater,
                (challenge, steps) -> MixerViewModel.Opened.of(ShippedExcerpts.setup(challenge)));
        Scene scene = new Scene(new MixerView(model).scrolling(), 1280, 800);  // the headless screen is 1280×800
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
    void everyShippedChallengeOpensWithItsStemsAndItsScoreFollowsAControlTheLearnerMoves(FxRobot robot) throws Exception {
        List<MixChallenge> challenges = ShippedExcerpts.challenges();
        assertThat(challenges).hasSizeGreaterThanOrEqualTo(12);
        for (MixChallenge challenge : challenges) {
            robot.interact(() -> model.load(challenge));
            WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> model.loadedProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#mixer-brief").queryAs(Label.class).getText()).isEqualTo(challenge.brief().strip());
            int before = score(robot);
            String stem = stemToMove(challenge);
            String verdictBefore = verdict(robot, stem);
            moveOneScoredControl(robot, challenge, stem);
            int after = score(robot);
            // The score follows the control: its total, or (where a mix far from the target has a total that one
            // control barely moves, as from flat faders) the verdict under the moved channel.
            assertThat(List.of(after, verdict(robot, stem)))
                    .as("%s: %s of %s moved, scored %d before", challenge.id(), challenge.scored().get(0), stem, before)
                    .isNotEqualTo(List.of(before, verdictBefore));
        }
    }

    /** Presses "Score my mix" and waits for the score. */
    private static int score(FxRobot robot) throws Exception {
        press(robot, "#mixer-score", KeyCode.SPACE, 1);
        Label text = robot.lookup("#mixer-score-text").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> text.getText().startsWith("Score: "));
        return Integer.parseInt(text.getText().replaceAll("Score: (\\d+) / 100.*", "$1"));
    }

    private static String verdict(FxRobot robot, String stem) {
        return robot.lookup("#verdict-" + stem).queryAs(Label.class).getText();
    }

    /** A track whose control of the challenge's first scored aspect the target sets. */
    private static String stemToMove(MixChallenge challenge) {
        MixSession target = MixSessionReader.read(challenge.targetSession().orElseThrow());
        return switch (challenge.scored().get(0)) {
            case "pan" -> first(target, t -> t.pan() == 0);
            case "eq" -> first(target, t -> !t.eq().isEmpty());
            case "compression" -> first(target, t -> t.compressor().isPresent());
            case "reverb" -> first(target, t -> t.reverbSendDb() != ChannelStrip.OFF);
            default -> target.tracks().get(0).stem();
        };
    }

    /** Moves, by keyboard, that control of {@code stem}. */
    private static void moveOneScoredControl(FxRobot robot, MixChallenge challenge, String stem) {
        switch (challenge.scored().get(0)) {
            case "pan" -> press(robot, "#pan-" + stem, KeyCode.RIGHT, 10);
            case "eq" -> {
                press(robot, "#edit-" + stem, KeyCode.SPACE, 1);
                press(robot, "#mixer-eq", KeyCode.A, 1);      // a band at 1 kHz …
                press(robot, "#mixer-eq", KeyCode.LEFT, 12);  // … moved two octaves down …
                press(robot, "#mixer-eq", KeyCode.DOWN, 16);  // … and cut 8 dB
            }
            case "compression" -> {
                press(robot, "#edit-" + stem, KeyCode.SPACE, 1);
                press(robot, "#compressor-on", KeyCode.SPACE, 1);
            }
            case "reverb" -> press(robot, "#send-reverb-" + stem, KeyCode.END, 1); // the send all the way up
            default -> press(robot, "#fader-" + stem, KeyCode.PAGE_DOWN, 8);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String first(MixSession target, Predicate<ChannelStrip> which) {
        return target.tracks().stream().filter(which).findFirst().orElseThrow().stem();
    }

    private static void press(FxRobot robot, String control, KeyCode key, int times) {
        Node node = robot.lookup(control).query();
        robot.interact(node::requestFocus);
        for (int i = 0; i < times; i++) {
            robot.type(key);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
