package dev.mixdojo.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixdojo.audio.playback.OutputDevice;
import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import dev.mixdojo.ui.AppServices;
import dev.mixdojo.ui.AudioOutput;
import dev.mixdojo.ui.LearnerSettings;
import dev.mixdojo.ui.Navigation;
import dev.mixdojo.ui.ProgressStore;
import dev.mixdojo.ui.SettingsFile;
import dev.mixdojo.ui.Teaching;
import dev.mixdojo.ui.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings screen's choices last between sessions: services built again from the same folder show them. */
class SettingsKeptTest {
    private static final OutputDevice USB = new OutputDevice("USB Interface", "2 in / 2 out");

    @TempDir
    Path data;

    private final List<AppServices> opened = new ArrayList<>();

    private UserDirectories directories() {
        return new UserDirectories(data, data.resolve("cache"));
    }

    /**
     * The services of one session of the app over the data folder, with a silent engine to start from
     * and no output asked for on the command line (the test run itself sets {@code none}).
     */
    private AppServices session() {
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        AppServices services = new AppServices(audio, directories(), worker, new Navigation(),
                LearnerSettings.restore(directories(), audio, List::of, Optional.empty()),
                new ProgressStore(Teaching.installed(directories()), Clock.systemUTC(), worker, Runnable::run));
        opened.add(services);
        return services;
    }

    private static SettingsViewModel settingsOf(AppServices services) {
        return new SettingsViewModel(services.audio(), List.of(), services.settings(), List.of());
    }

    @AfterEach
    void close() {
        opened.forEach(AppServices::close);
    }

    @Test
    void changedSettingsAreThereWhenTheAppStartsAgain() {
        SettingsViewModel first = settingsOf(session());
        first.levelRoveDbProperty().set(1.5);
        first.largeScaleProperty().set(true);
        first.themeProperty().set(Theme.DARK);
        first.outputProperty().set(SettingsViewModel.OFF);
        first.bufferFramesProperty().set(512);
        first.apply();

        AppServices again = session();
        SettingsViewModel second = settingsOf(again);
        assertThat(second.levelRoveDbProperty().get()).isEqualTo(1.5);
        assertThat(second.largeScaleProperty().get()).isTrue();
        assertThat(second.themeProperty().get()).isEqualTo(Theme.DARK);
        assertThat(second.outputProperty().get()).isEqualTo(SettingsViewModel.OFF);
        assertThat(second.bufferFramesProperty().get()).isEqualTo(512);
        assertThat(again.audio().switchedOff()).isTrue();
        assertThat(again.settings().noticeProperty().get()).isEmpty();
    }

    @Test
    void theOutputIsSavedOnlyWhenApplied() {
        SettingsViewModel first = settingsOf(session());
        first.outputProperty().set(SettingsViewModel.OFF);
        first.bufferFramesProperty().set(4096);
        first.levelRoveDbProperty().set(2);

        SettingsViewModel second = settingsOf(session());
        assertThat(second.levelRoveDbProperty().get()).isEqualTo(2.0);
        assertThat(second.outputProperty().get()).isEqualTo(SettingsViewModel.SYSTEM_DEFAULT);
        assertThat(second.bufferFramesProperty().get()).isEqualTo(PlaybackEngine.DEFAULT_BUFFER_FRAMES);
    }

    @Test
    void aDeviceThatIsGoneFallsBackToTheSystemDefaultWithASentenceAndIsKeptForLater() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        Files.writeString(file, """
                {"schemaVersion": 1, "levelRoveDb": 1, "outputDevice": "USB Interface", "bufferFrames": 2048}""");
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        LearnerSettings settings = LearnerSettings.restore(directories(), audio, List::of, Optional.empty());
        assertThat(audio.device()).isEmpty();
        assertThat(settings.noticeProperty().get()).isEqualTo("The output device \"USB Interface\" named in " + file
                + " is not present, so MixDojo plays through the system default.");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        AppServices services = new AppServices(audio, directories(), worker, new Navigation(), settings,
                new ProgressStore(Teaching.installed(directories()), Clock.systemUTC(), worker, Runnable::run));
        opened.add(services);
        assertThat(settingsOf(services).outputProperty().get()).isEqualTo(SettingsViewModel.SYSTEM_DEFAULT);

        // Another setting changed today keeps the device asked for, so it is used once it is plugged in again,
        // and the sentence stays: the device is still missing.
        String missing = settings.noticeProperty().get();
        settings.levelRoveDbProperty().set(2);
        assertThat(SettingsFile.in(directories()).read().settings().outputDevice()).contains("USB Interface");
        assertThat(settings.noticeProperty().get()).isEqualTo(missing);

        // Choosing an output makes the sentence moot.
        SettingsViewModel choosing = settingsOf(services);
        choosing.outputProperty().set(SettingsViewModel.OFF);
        choosing.apply();
        assertThat(settings.noticeProperty().get()).isEmpty();
    }

    /** Restores settings that saved the (present) USB interface with a 1024-frame buffer onto {@code audio}. */
    private LearnerSettings restoreWithUsbSaved(AudioOutput audio, Optional<String> askedDevice) throws IOException {
        Files.writeString(data.resolve(SettingsFile.FILE_NAME), """
                {"schemaVersion": 1, "outputDevice": "USB Interface", "bufferFrames": 1024}""");
        return LearnerSettings.restore(directories(), audio, () -> List.of(USB), askedDevice);
    }

    @Test
    void aDeviceAskedForOnTheCommandLineHoldsForTheRunAndTheSavedOneIsKeptForLater() throws IOException {
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        LearnerSettings settings = restoreWithUsbSaved(audio, Optional.of("Desk Speakers"));
        assertThat(audio.device()).isEmpty();
        assertThat(audio.bufferFrames()).isEqualTo(PlaybackEngine.DEFAULT_BUFFER_FRAMES);
        assertThat(settings.noticeProperty().get()).isEmpty();
        settings.levelRoveDbProperty().set(1);
        assertThat(SettingsFile.in(directories()).read().settings().outputDevice()).contains("USB Interface");
        audio.close();
    }

    @Test
    void aDeviceThatIsPresentIsOpenedAgain() throws IOException {
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        LearnerSettings settings = restoreWithUsbSaved(audio, Optional.empty());
        assertThat(audio.device()).contains(USB);
        assertThat(audio.bufferFrames()).isEqualTo(1024);
        assertThat(settings.noticeProperty().get()).isEmpty();
        audio.close();
    }

    @Test
    void aDamagedFileIsLeftAloneUntilASettingChangesThenKeptAsACopyAndReplaced() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        String damaged = "{\"schemaVersion\": 1, \"levelRoveDb\": 9, \"largeScale\": true}";
        Files.writeString(file, damaged);
        AppServices services = session();
        assertThat(services.settings().levelRoveDbProperty().get()).isZero();
        assertThat(services.settings().largeScaleProperty().get()).isTrue();
        assertThat(services.settings().noticeProperty().get()).isEqualTo(file
                + ": levelRoveDb 9 is outside 0 to 3 dB, so MixDojo uses the default there.");
        session();
        assertThat(Files.readString(file)).isEqualTo(damaged);

        services.settings().themeProperty().set(Theme.DARK);
        assertThat(services.settings().noticeProperty().get()).isEmpty();
        SettingsFile.Reading now = SettingsFile.in(directories()).read();
        assertThat(now.notice()).isEmpty();
        assertThat(now.settings().theme()).isEqualTo(Theme.DARK);
        assertThat(now.settings().largeScale()).isTrue();
        assertThat(Files.readString(SettingsFile.in(directories()).copyPath())).isEqualTo(damaged);
    }

    @Test
    void aFileFromANewerMixDojoIsKeptAsACopyWhenThisOneFirstSavesAndOnlyThen() throws IOException {
        Path file = data.resolve(SettingsFile.FILE_NAME);
        String newer = "{\"schemaVersion\": 2, \"levelRoveDb\": 2, \"spatialAudio\": true}";
        Files.writeString(file, newer);
        AppServices services = session();
        services.settings().largeScaleProperty().set(true);
        Path copy = SettingsFile.in(directories()).copyPath();
        assertThat(Files.readString(copy)).isEqualTo(newer);
        services.settings().themeProperty().set(Theme.DARK);
        assertThat(Files.readString(copy)).as("the copy is made once, of the file as it was read").isEqualTo(newer);
        assertThat(SettingsFile.in(directories()).read().settings().largeScale()).isTrue();
    }

    @Test
    void settingsThatCannotBeSavedSaySoAndStillApplyForTheSession() throws IOException {
        Path notAFolder = data.resolve("occupied");
        Files.writeString(notAFolder, "a file where the data folder should be");
        AudioOutput audio = new AudioOutput(PlaybackEngine.silent("tests have no sound"));
        LearnerSettings settings = LearnerSettings.restore(new UserDirectories(notAFolder, data), audio, List::of, Optional.empty());
        settings.largeScaleProperty().set(true);
        assertThat(settings.largeScaleProperty().get()).isTrue();
        assertThat(settings.noticeProperty().get())
                .startsWith(notAFolder.resolve(SettingsFile.FILE_NAME) + ": could not be written")
                .endsWith(" Your settings last only until MixDojo closes.");
        audio.close();
    }
}
