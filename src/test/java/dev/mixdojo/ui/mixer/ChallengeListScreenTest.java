package dev.mixdojo.ui.mixer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.progress.Attempt;
import dev.mixdojo.progress.ChallengeScores;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.FailOnFxExceptions;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Mixer's list of challenges shows the open challenge's best score as soon as a score is kept, not once reopened. */
@ExtendWith({ApplicationExtension.class, FailOnFxExceptions.class})
class ChallengeListScreenTest {
    private static final Executor INLINE = Runnable::run;
    private AudioOutput audio;
    private MixerViewModel model;
    private ProgressStore store;

    @Start
    void start(Stage stage) throws Exception {
        audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        model = new MixerViewModel(audio, INLINE, INLINE, (challenge, steps) -> MixerViewModel.Opened.of(SmallChallenge.setup(true)));
        Path data = Files.createTempDirectory("mixdojo-challenge-list");
        data.toFile().deleteOnExit();
        store = new ProgressStore(new Teaching(new UserDirectories(data, data), () -> Path.of("lessons")), Clock.systemUTC(),
                INLINE, INLINE);
        store.load();
        for (int i = 0; i < 20; i++) { // twenty right answers on the panning lesson unlock the first challenge
            store.add(new Attempt("p" + i, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(i), "panning-positions",
                    "pan.position", 20, i, 0, 0, "%", "centre", "centre", true, 1, 2000));
        }
        model.open(store.recordsProperty().get(), "");
        Scene scene = new Scene(new MixerView(model).scrolling(), 1280, 800);
        Theme.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        audio.close();
    }

    @Test
    void theChosenChallengesLabelShowsItsNewBestScoreWithoutReopeningIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<MixerViewModel.ChallengeEntry> list = robot.lookup("#mixer-challenges").queryAs(ComboBox.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        String title = model.challenges().get(0).title();
        assertThat(shown(list)).isEqualTo(title);

        // A score of the open challenge is kept: the records change while the challenge stays open.
        robot.interact(() -> {
            store.add(ChallengeScores.attempt(model.challenges().get(0).lessonId(), "balance-drums-bass-vocal", 42, 80,
                    Instant.parse("2026-11-21T10:00:00Z"), 60_000));
            model.progressChanged(store.recordsProperty().get(), "");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(list)).isEqualTo(title + " — best 42");
        assertThat(model.loadedProperty().get()).as("still open").isTrue();
    }

    /** The text the combo shows for its chosen challenge. */
    private static String shown(ComboBox<MixerViewModel.ChallengeEntry> list) {
        return ((ListCell<?>) ((ComboBoxListViewSkin<?>) list.getSkin()).getDisplayNode()).getText();
    }
}
