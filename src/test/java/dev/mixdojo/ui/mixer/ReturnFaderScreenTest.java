package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.AudioBuffer;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.yaml.Location;
import dev.mixdojo.lesson.MaterialRef;
import dev.mixdojo.lesson.MixChallenge;
import dev.mixdojo.mix.ChallengeSetup;
import dev.mixdojo.mix.ChannelStrip;
import dev.mixdojo.mix.MixSession;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.Theme;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A learner moves the reverb return fader by keyboard, scores again, and sees the return judged and the score fall. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class ReturnFaderScreenTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private AudioOutput audio;
    private MixerViewModel model;

    /** The small challenge's stems; the target sends the kick and the vocal to the reverb; depth is scored. */
    static ChallengeSetup depth() {
        ChallengeSetup small = SmallChallenge.setup(true);
        Map<String, AudioBuffer> stems = new LinkedHashMap<>(small.stems());
        MixSession target = small.targetSession().orElseThrow();
        target = target.withTrack(target.track("kick").orElseThrow().withSends(-12, ChannelStrip.OFF));
        MixChallenge challenge = new MixChallenge("depth", "Depth", "Set the reverb.", MaterialRef.parse("song/small").orElseThrow(),
                Path.of("target.yaml"), List.of("reverb"), true, 80, MixChallenge.Start.INSERTS, Double.POSITIVE_INFINITY,
                new Location(Path.of("small.yaml"), 1, 1));
        return ChallengeSetup.of(challenge, stems, target);
    }

    @Start
    void start(Stage stage) {
        audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        ChallengeSetup setup = depth();
        model = new MixerViewModel(audio, workers, Platform::runLater, (challenge, steps) -> MixerViewModel.Opened.of(setup));
        model.load(setup.challenge());
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
    void theReverbReturnMovedSixDecibelsDownByKeyboardIsJudgedAndTheScoreFalls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#fader-reverb-return").tryQuery().isPresent());
        assertThat(robot.lookup("#fader-value-reverb-return").queryAs(TextField.class).getText()).isEqualTo("+0.0 dB");
        int before = score(robot);
        assertThat(before).as("the start is the target").isEqualTo(100);
        assertThat(robot.lookup("#verdict-reverb-return").queryAs(Label.class).getText()).isEqualTo("✓ within");

        Node fader = robot.lookup("#fader-reverb-return").query();
        robot.interact(fader::requestFocus);
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.PAGE_DOWN); // 1 dB each
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fader-value-reverb-return").queryAs(TextField.class).getText()).isEqualTo("-6.0 dB");
        assertThat(model.playedSession().reverbReturnDb()).isEqualTo(-6);
        assertThat(robot.lookup("#mixer-score-text").queryAs(Label.class).getText()).as("a move clears the old score").isEmpty();

        int after = score(robot);
        assertThat(after).isLessThan(before);
        String verdict = robot.lookup("#verdict-reverb-return").queryAs(Label.class).getText();
        assertThat(verdict).startsWith("reverb -").endsWith("outside");
        double errorDb = Double.parseDouble(verdict.replaceAll("reverb (-\\d+\\.\\d) dB, outside", "$1"));
        assertThat(errorDb).isBetween(-7.0, -5.0);
        // The sends are where the target has them: the return carries the whole error, no track is blamed.
        assertThat(robot.lookup("#verdict-vocal").queryAs(Label.class).getText()).isEqualTo("✓ within");
        assertThat(robot.lookup("#verdict-kick").queryAs(Label.class).getText()).isEqualTo("✓ within");
    }

    private static int score(FxRobot robot) throws Exception {
        Label text = robot.lookup("#mixer-score-text").queryAs(Label.class);
        robot.interact(() -> robot.lookup("#mixer-score").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text.getText().startsWith("Score: "));
        WaitForAsyncUtils.waitForFxEvents();
        return Integer.parseInt(text.getText().replaceAll("Score: (\\d+) / 100.*", "$1"));
    }
}
