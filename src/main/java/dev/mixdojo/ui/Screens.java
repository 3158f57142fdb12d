package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.analyze.AnalyzeView;
import dev.mixdojo.ui.analyze.AnalyzeViewModel;
import dev.mixdojo.ui.home.HomeView;
import dev.mixdojo.ui.home.HomeViewModel;
import dev.mixdojo.ui.listen.ListenView;
import dev.mixdojo.ui.listen.ListenViewModel;
import dev.mixdojo.ui.progress.ProgressView;
import dev.mixdojo.ui.progress.ProgressViewModel;
import dev.mixdojo.ui.settings.SettingsView;
import dev.mixdojo.ui.settings.SettingsViewModel;
import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;

/** The screens the app shows, in navigation order; only screens that work are listed. */
public final class Screens {
    private Screens() {
    }

    /** The navigation entries of this build. */
    public static List<Screen> available(AppServices services) {
        return List.of(
                new Screen("home", "Home", () -> new HomeView(new HomeViewModel(
                        () -> LearnerRecords.load(LearnerRecords.lessonsFolder(), services.directories()),
                        services.background(), Platform::runLater, services.navigation()))),
                new Screen("listen", "Listen", () -> new ListenView(new ListenViewModel(services.audio(),
                        services.background(), Platform::runLater))),
                new Screen("progress", "Progress", () -> new ProgressView(new ProgressViewModel(
                        () -> LearnerRecords.load(LearnerRecords.lessonsFolder(), services.directories()),
                        services.background(), Platform::runLater, ZoneId.systemDefault()))),
                new Screen("analyze", "Analyze", () -> new AnalyzeView(
                        new AnalyzeViewModel(services.background(), Platform::runLater), services.navigation())),
                new Screen("settings", "Settings",
                        () -> new SettingsView(new SettingsViewModel(services.audio(), PlaybackEngine.devices(),
                                services.settings(), Shortcuts.of(available(services))))));
    }
}
