package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.ui.drill.DrillMode;
import dev.mixdojo.ui.drill.DrillPaneModel;
import dev.mixdojo.ui.drill.DrillScreen;
import dev.mixdojo.ui.drill.DrillScreenModel;
import dev.mixdojo.ui.exam.ExamView;
import dev.mixdojo.ui.home.HomeView;
import dev.mixdojo.ui.lesson.LessonView;
import dev.mixdojo.ui.lesson.LessonViewModel;
import dev.mixdojo.ui.listen.ListenView;
import dev.mixdojo.ui.listen.ListenViewModel;
import dev.mixdojo.ui.projector.ProjectorView;
import dev.mixdojo.ui.settings.SettingsView;
import dev.mixdojo.ui.settings.SettingsViewModel;
import dev.mixdojo.ui.teacher.TeacherView;
import dev.mixdojo.ui.teacher.TeacherViewModel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javafx.application.Platform;

/** The screens the app shows, in navigation order; only screens that work are listed. */
public final class Screens {
    private Screens() {
    }

    /** The navigation entries of this build; {@code navigation} lets one screen open another. */
    public static List<Screen> available(AppServices services, Navigation navigation) {
        Teaching teaching = Teaching.of(services);
        DrillScreenModel practice = new DrillScreenModel(teaching, new DrillPaneModel(services.audio(), DrillMode.PRACTICE),
                services.background(), Platform::runLater, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextLong(1, 1L << 40));
        return List.of(
                new Screen("home", "Home", HomeView::new),
                new Screen("lessons", "Lessons", () -> new LessonView(new LessonViewModel(teaching, services.audio(),
                        services.background(), Platform::runLater, (lessonId, drillId) -> {
                            practice.start(lessonId, drillId);
                            navigation.show("practice");
                        }))),
                new Screen("practice", "Practice", () -> new DrillScreen(practice, services.background())),
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
