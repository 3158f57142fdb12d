package dev.mixdojo.ui;

import dev.mixdojo.audio.playback.PlaybackEngine;
import dev.mixdojo.base.UserDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import javafx.stage.Stage;

/** The whole app for TestFX tests: silent, on the two pink-noise lessons ({@link TestLessons}) and a data folder of its own. */
public final class NoiseLessonsApp {
    /** The property that names the lesson folder (as MIXDOJO_LESSONS does). */
    private static final String LESSONS_PROPERTY = "mixdojo.lessons";

    private NoiseLessonsApp() {
    }

    /**
     * Shows the app in {@code stage} (1100 × 780 pixels, inside Monocle's headless screen) over the
     * noise lessons copied under {@code folders}, with the learner's data in {@code data}, the cache
     * in {@code folders}, work on {@code workers} and the learner's time from {@code clock}.
     */
    public static AppServices show(Stage stage, Path folders, Path data, ExecutorService workers, Clock clock) throws IOException {
        System.setProperty(LESSONS_PROPERTY, TestLessons.noiseLessons(folders.resolve("lessons")).toString());
        AppServices services = new AppServices(new AudioOutput(PlaybackEngine.silent("tests have no sound")),
                new UserDirectories(data, folders.resolve("cache")), workers, clock);
        stage.setScene(MixDojoApp.scene(services, 1100, 780));
        stage.show();
        return services;
    }

    /** Stops the app's workers and audio and forgets the lesson folder. */
    public static void close(AppServices services) {
        services.close();
        System.clearProperty(LESSONS_PROPERTY);
    }
}
