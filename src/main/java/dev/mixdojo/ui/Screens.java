package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.home.HomeView;
import dev.mixdojo.ui.listen.ListenView;
import dev.mixdojo.ui.listen.ListenViewModel;
import dev.mixdojo.ui.mixer.MixerView;
import dev.mixdojo.ui.settings.SettingsView;
import dev.mixdojo.ui.settings.SettingsViewModel;
import java.util.List;
import javafx.application.Platform;

/** The screens the app shows, in navigation order; only screens that work are listed. */
public final class Screens {
    private Screens() {
    }

    /** The navigation entries of this build. */
    public static List<Screen> available(AppServices services) {
        return List.of(
                new Screen("home", "Home", HomeView::new),
                new Screen("listen", "Listen", () -> new ListenView(new ListenViewModel(services.audio(),
                        services.background(), Platform::runLater))),
                new Screen("settings", "Settings",
                        () -> new SettingsView(new SettingsViewModel(services.audio(), PlaybackEngine.devices()))),
                new Screen("mixer", "Mixer", () -> MixerView.forShippedChallenge(services)));
    }
}
