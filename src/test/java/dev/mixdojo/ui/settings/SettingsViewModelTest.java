package dev.mixdojo.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerSettings;
import dev.mixdojo.ui.Screen;
import dev.mixdojo.ui.Shortcuts;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
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
    void theShortcutListOpensEachScreenWithItsDigit() {
        List<Screen> screens = List.of(new Screen("home", "Home", () -> null), new Screen("analyze", "Analyze", () -> null));
        assertThat(Shortcuts.of(screens)).startsWith(new Shortcuts.Shortcut("Ctrl+1", "Open Home"),
                new Shortcuts.Shortcut("Ctrl+2", "Open Analyze"));
        assertThat(Shortcuts.of(screens)).contains(new Shortcuts.Shortcut("Escape (Analyze)", "Cancel the running analysis"));
    }
}
