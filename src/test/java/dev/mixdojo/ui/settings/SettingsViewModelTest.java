package dev.mixdojo.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerSettings;
import dev.mixdojo.ui.Screen;
import dev.mixdojo.ui.Screens;
import dev.mixdojo.ui.Shortcuts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path data;

    private final AudioOutput audio = new AudioOutput(PlaybackEngine.create());
    private final SettingsViewModel model = new SettingsViewModel(audio,
            List.of(new OutputDevice("USB Interface", "2 in / 2 out")));

    @Test
    void outputsListTheDefaultEachDeviceAndOff() {
        assertThat(model.outputs()).containsExactly(SettingsViewModel.SYSTEM_DEFAULT, "USB Interface", SettingsViewModel.OFF);
        assertThat(model.outputProperty().get()).isEqualTo(SettingsViewModel.SYSTEM_DEFAULT);
        assertThat(model.bufferFramesProperty().get()).isEqualTo(PlaybackEngine.DEFAULT_BUFFER_FRAMES);
    }

    @Test
    void switchingOutputOffReopensSilentlyAndSaysWhy() {
        PlaybackEngine before = audio.engine();
        model.outputProperty().set(SettingsViewModel.OFF);
        model.bufferFramesProperty().set(512);
        model.apply();
        assertThat(audio.engine()).isNotSameAs(before);
        assertThat(audio.switchedOff()).isTrue();
        assertThat(audio.bufferFrames()).isEqualTo(512);
        assertThat(model.statusProperty().get())
                .isEqualTo("No audio output available: sound is switched off in Settings. "
                        + "MixDojo runs on silently; analysis, grading and rendering still work.");
        audio.close();
    }

    @Test
    void buffersAreDescribedAsLatency() {
        assertThat(SettingsViewModel.describeBuffer(2048)).isEqualTo("2048 frames (43 ms)");
        assertThat(SettingsViewModel.describeBuffer(256)).isEqualTo("256 frames (5 ms)");
    }

    @Test
    void levelRovingReadsAsPlusMinusDecibelsAndZeroLeavesItToTheLesson() {
        assertThat(SettingsViewModel.describeRove(1.5)).isEqualTo("±1.5 dB");
        assertThat(SettingsViewModel.describeRove(0)).isEqualTo("Off (as the lesson says)");
        LearnerSettings learner = new LearnerSettings();
        SettingsViewModel withLearner = new SettingsViewModel(audio, List.of(), learner, List.of());
        withLearner.levelRoveDbProperty().set(2);
        withLearner.largeScaleProperty().set(true);
        assertThat(learner.levelRoveDbProperty().get()).isEqualTo(2.0);
        assertThat(learner.largeScaleProperty().get()).isTrue();
    }

    @Test
    void theShortcutListOpensEachScreenWithItsKeysAndHasEveryScreensOwnKeys() {
        List<Screen> screens = List.of(new Screen("home", "Home", "Ctrl+1", () -> null),
                new Screen("analyze", "Analyze", "Ctrl+7", () -> null), new Screen("projector", "Projector", "Ctrl+Shift+P", () -> null));
        List<Shortcuts.Shortcut> all = Shortcuts.of(screens);
        assertThat(all).startsWith(new Shortcuts.Shortcut("Ctrl+1", "Open Home"), new Shortcuts.Shortcut("Ctrl+7", "Open Analyze"),
                new Shortcuts.Shortcut("Ctrl+Shift+P", "Open Projector"), new Shortcuts.Shortcut("Ctrl+Q", "Quit MixDojo"));
        assertThat(all).contains(new Shortcuts.Shortcut("Escape (Analyze)", "Cancel the running analysis"));
        // The drill's, the Mixer's and the Projector's keys are listed too.
        assertThat(all).extracting(Shortcuts.Shortcut::keys).contains("H (Practice)", "R (Projector)", "N, Page Down (Projector)",
                "Space (Mixer)", "[ and ] (Practice, Assignment, Projector)", "1–9 (Practice, Assignment, Projector)");
    }

    @Test
    void everyScreenOfTheAppHasItsOwnKeys() {
        AppServices services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(data, data), Executors.newSingleThreadExecutor());
        List<String> keys = Screens.available(services).stream().map(Screen::keys).toList();
        services.close();
        assertThat(keys).doesNotContain("").doesNotHaveDuplicates()
                .containsSubsequence("Ctrl+1", "Ctrl+9", "Ctrl+Shift+A", "Ctrl+Shift+G", "Ctrl+Shift+P");
    }
}
