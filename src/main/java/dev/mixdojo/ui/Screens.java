package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.exam.ExamView;
import dev.mixdojo.ui.home.HomeView;
import dev.mixdojo.ui.listen.ListenView;
import dev.mixdojo.ui.listen.ListenViewModel;
import dev.mixdojo.ui.projector.ProjectorView;
import dev.mixdojo.ui.settings.SettingsView;
import dev.mixdojo.ui.settings.SettingsViewModel;
import dev.mixdojo.ui.teacher.TeacherView;
import dev.mixdojo.ui.teacher.TeacherViewModel;
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
                new Screen("teacher", "Gradebook", () -> new TeacherView(new TeacherViewModel(services.background(),
                        Platform::runLater), services.directories().cache().resolve("example-class"))),
                new Screen("exam", "Assignment", () -> ExamView.forApp(services)),
                new Screen("projector", "Projector", () -> ProjectorView.forApp(services)));
    }
}
